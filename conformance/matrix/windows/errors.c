/*
 * Prints the system's text for each code given, fetched as PHP 8.2's Windows build fetches it
 * (php_win32_error_to_msg: FormatMessageW, FROM_SYSTEM | IGNORE_INSERTS, LANG_NEUTRAL/SUBLANG_DEFAULT),
 * in UTF-8, untrimmed: "code<TAB>text" with CR, LF, TAB and backslash escaped as \r \n \t \\, and an
 * empty text where the system has none. Cross-compiled with mingw-w64 and run under Wine by errors.ts.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    static WCHAR wide[4096];
    static char utf8[16384];
    for (int i = 1; i < argc; i++) {
        DWORD code = (DWORD)strtol(argv[i], NULL, 10);
        DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, code,
                                 MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), wide, sizeof wide / sizeof wide[0], NULL);
        int len = n ? WideCharToMultiByte(CP_UTF8, 0, wide, (int)n, utf8, sizeof utf8, NULL, NULL) : 0;
        printf("%ld\t", (long)code);
        for (int j = 0; j < len; j++) {
            char c = utf8[j];
            if (c == '\r') fputs("\\r", stdout);
            else if (c == '\n') fputs("\\n", stdout);
            else if (c == '\t') fputs("\\t", stdout);
            else if (c == '\\') fputs("\\\\", stdout);
            else putchar(c);
        }
        putchar('\n');
    }
    return 0;
}
