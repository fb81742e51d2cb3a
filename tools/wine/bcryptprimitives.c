/*
 * Stand-in for bcryptprimitives.dll, which Wine 8 does not ship. Bun's Windows build imports
 * ProcessPrng from it; this exports that one function and fills the buffer from advapi32's
 * RtlGenRandom (exported as SystemFunction036). Built by .ci/windows-lane.sh with mingw-w64.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
