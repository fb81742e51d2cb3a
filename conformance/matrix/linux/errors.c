// Prints glibc's text for each code it is given, as PHP's socket_strerror reaches it: "e N" is
// strerror(N), "h N" is hstrerror(N). One "kind<TAB>N<TAB>text" line each. Run by linux/errors.ts.
#define _GNU_SOURCE 1
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  for (int i = 1; i + 1 < argc; i += 2) {
    int n = atoi(argv[i + 1]);
    const char *text = argv[i][0] == 'h' ? hstrerror(n) : strerror(n);
    printf("%s\t%d\t%s\n", argv[i], n, text);
  }
  return 0;
}
