// The C floor for bench/run.ts: the same round trips as every other implementation, timed inside.
// Usage: pingpong CASE... where CASE is transport:size:iterations (unix, tcp, udp) or
// select:sockets:iterations. Prints "case ops_per_second" per case.
// Shape: both ends in this one thread. A round trip is send on A, recv on B, send on B, recv on A.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what) {
  perror(what);
  exit(1);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static unsigned char out[65536], in[65536];

static void pair_unix(int fds[2]) {
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) die("socketpair");
}

static void pair_tcp(int fds[2]) {
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t len = sizeof a;
  int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;
  if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof a) || listen(l, 1) || getsockname(l, (struct sockaddr *)&a, &len))
    die("listen");
  fds[0] = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(fds[0], (struct sockaddr *)&a, sizeof a)) die("connect");
  fds[1] = accept(l, NULL, NULL);
  if (fds[1] < 0) die("accept");
  close(l);
  setsockopt(fds[0], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  setsockopt(fds[1], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

static struct sockaddr_in udp_addr[2];

static void pair_udp(int fds[2]) {
  for (int i = 0; i < 2; i++) {
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    fds[i] = socket(AF_INET, SOCK_DGRAM, 0);
    if (fds[i] < 0 || bind(fds[i], (struct sockaddr *)&a, sizeof a) || getsockname(fds[i], (struct sockaddr *)&a, &len))
      die("udp");
    udp_addr[i] = a;
  }
}

// Reads exactly n bytes (a stream may deliver a large write in parts).
static void recv_all(int fd, size_t n) {
  for (size_t got = 0; got < n;) {
    ssize_t k = recv(fd, in + got, n - got, 0);
    if (k <= 0) die("recv");
    got += (size_t)k;
  }
}

static void stream_trip(int a, int b, size_t n) {
  if (send(a, out, n, MSG_NOSIGNAL) != (ssize_t)n) die("send");
  recv_all(b, n);
  if (send(b, in, n, MSG_NOSIGNAL) != (ssize_t)n) die("send");
  recv_all(a, n);
}

static void udp_trip(int a, int b, size_t n) {
  struct sockaddr_in from;
  socklen_t len = sizeof from;
  if (sendto(a, out, n, 0, (struct sockaddr *)&udp_addr[1], sizeof udp_addr[1]) != (ssize_t)n) die("sendto");
  if (recvfrom(b, in, sizeof in, 0, (struct sockaddr *)&from, &len) != (ssize_t)n) die("recvfrom");
  len = sizeof from;
  if (sendto(b, in, n, 0, (struct sockaddr *)&from, len) != (ssize_t)n) die("sendto");
  if (recvfrom(a, in, sizeof in, 0, (struct sockaddr *)&from, &len) != (ssize_t)n) die("recvfrom");
}

// The count is timed in BATCHES equal parts and the median part's rate is reported: the statistic
// mitata gives the JavaScript cases, and one that a burst of load from elsewhere does not drag down.
#define BATCHES 15

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median_rate(double *rates) {
  qsort(rates, BATCHES, sizeof(double), by_value);
  return rates[BATCHES / 2];
}

static double run_trips(const char *transport, size_t n, long iters) {
  int fds[2];
  int udp = strcmp(transport, "udp") == 0;
  if (udp) pair_udp(fds);
  else if (strcmp(transport, "tcp") == 0) pair_tcp(fds);
  else pair_unix(fds);
  memset(out, 'x', sizeof out);
  for (long i = 0; i < iters / 10 + 1; i++) udp ? udp_trip(fds[0], fds[1], n) : stream_trip(fds[0], fds[1], n);
  long per = iters / BATCHES + 1;
  double rates[BATCHES];
  for (int b = 0; b < BATCHES; b++) {
    double t0 = now();
    for (long i = 0; i < per; i++) udp ? udp_trip(fds[0], fds[1], n) : stream_trip(fds[0], fds[1], n);
    rates[b] = per / (now() - t0);
  }
  close(fds[0]);
  close(fds[1]);
  return median_rate(rates);
}

// socket_select's floor: a pollfd array rebuilt from the set on every call (as any select wrapper must),
// one poll(), then a scan for the ready ones. One socket of the set has a byte waiting.
static double run_select(int sockets, long iters) {
  int *fds = malloc(sizeof(int) * sockets);
  struct pollfd *p = malloc(sizeof(struct pollfd) * sockets);
  for (int i = 0; i < sockets; i += 2) {
    int pr[2];
    pair_unix(pr);
    fds[i] = pr[0];
    fds[i + 1] = pr[1];
  }
  if (write(fds[1], "x", 1) != 1) die("write");
  long ready = 0, per = iters / BATCHES + 1;
  double rates[BATCHES];
  for (int b = -1; b < BATCHES; b++) { // batch -1 is the warm-up
    double t0 = now();
    for (long i = 0; i < per; i++) {
      for (int k = 0; k < sockets; k++) p[k] = (struct pollfd){.fd = fds[k], .events = POLLIN};
      if (poll(p, sockets, 0) != 1) die("poll");
      for (int k = 0; k < sockets; k++) ready += (p[k].revents & POLLIN) != 0;
    }
    if (b >= 0) rates[b] = per / (now() - t0);
  }
  for (int k = 0; k < sockets; k++) close(fds[k]);
  free(fds);
  free(p);
  return ready > 0 ? median_rate(rates) : 0;
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    char transport[16];
    long size, iters;
    if (sscanf(argv[i], "%15[a-z]:%ld:%ld", transport, &size, &iters) != 3) die("case");
    double ops = strcmp(transport, "select") == 0 ? run_select((int)size, iters) : run_trips(transport, (size_t)size, iters);
    printf("%s %.1f\n", argv[i], ops);
    fflush(stdout);
  }
  return 0;
}
