<?php
// PHP 8.2's sockets extension on the same round trips as bench/c/pingpong.c, timed inside.
// Usage: php pingpong.php CASE... (transport:size:iterations or select:sockets:iterations);
// prints "case ops_per_second" per case. Both ends in this one process, one thread.

function pair_of(string $transport): array {
    if ($transport === 'unix') {
        socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p) or exit(1);
        return $p;
    }
    if ($transport === 'tcp') {
        $l = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
        socket_bind($l, '127.0.0.1', 0) && socket_listen($l, 1) or exit(1);
        socket_getsockname($l, $addr, $port);
        $a = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
        socket_connect($a, '127.0.0.1', $port) or exit(1);
        $b = socket_accept($l);
        socket_close($l);
        socket_set_option($a, SOL_TCP, TCP_NODELAY, 1);
        socket_set_option($b, SOL_TCP, TCP_NODELAY, 1);
        return [$a, $b];
    }
    $p = [];
    for ($i = 0; $i < 2; $i++) {
        $p[$i] = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
        socket_bind($p[$i], '127.0.0.1', 0) or exit(1);
    }
    return $p;
}

// A stream may deliver a large write in parts: read until all n bytes are in.
function read_all($s, int $n): string {
    $got = socket_read($s, $n);
    while (strlen($got) < $n) $got .= socket_read($s, $n - strlen($got));
    return $got;
}

// $count round trips; the loop is written out per transport so that no closure call is timed.
function stream_loop($a, $b, string $out, int $n, int $count): void {
    for ($i = 0; $i < $count; $i++) {
        socket_write($a, $out, $n);
        $in = read_all($b, $n);
        socket_write($b, $in, $n);
        if (strlen(read_all($a, $n)) !== $n) exit(1);
    }
}

function udp_loop($a, $b, string $out, int $n, int $port, int $count): void {
    for ($i = 0; $i < $count; $i++) {
        socket_sendto($a, $out, $n, 0, '127.0.0.1', $port);
        socket_recvfrom($b, $buf, 65536, 0, $from, $fromPort);
        socket_sendto($b, $buf, strlen($buf), 0, $from, $fromPort);
        socket_recvfrom($a, $buf, 65536, 0, $from, $fromPort);
        if (strlen($buf) !== $n) exit(1);
    }
}

function trips(string $transport, int $n, int $iters): float {
    [$a, $b] = pair_of($transport);
    $out = str_repeat('x', $n);
    $port = 0;
    if ($transport === 'udp') socket_getsockname($b, $host, $port);
    $per = intdiv($iters, BATCHES) + 1;
    $rates = [];
    for ($k = -1; $k < BATCHES; $k++) { // batch -1 is the warm-up
        $t0 = hrtime(true);
        if ($transport === 'udp') udp_loop($a, $b, $out, $n, $port, $per);
        else stream_loop($a, $b, $out, $n, $per);
        if ($k >= 0) $rates[] = $per / ((hrtime(true) - $t0) / 1e9);
    }
    socket_close($a);
    socket_close($b);
    return median($rates);
}

// The count is timed in BATCHES equal parts and the median part's rate is reported, as in the C
// program and as mitata does for the JavaScript cases.
const BATCHES = 15;

function median(array $rates): float {
    sort($rates);
    return $rates[intdiv(count($rates), 2)];
}

// socket_select over a set of idle sockets in which one has a byte waiting. PHP's select() needs
// every descriptor under FD_SETSIZE (1024), so the set stays at about a thousand.
function select_rate(int $sockets, int $iters): float {
    $all = [];
    for ($i = 0; $i < $sockets; $i += 2) {
        socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p) or exit(1);
        $all[] = $p[0];
        $all[] = $p[1];
    }
    socket_write($all[1], 'x', 1);
    $w = $e = null;
    $per = intdiv($iters, BATCHES) + 1;
    $rates = [];
    for ($k = -1; $k < BATCHES; $k++) {
        $t0 = hrtime(true);
        for ($i = 0; $i < $per; $i++) {
            $r = $all;
            if (socket_select($r, $w, $e, 0) !== 1) exit(1);
        }
        if ($k >= 0) $rates[] = $per / ((hrtime(true) - $t0) / 1e9);
    }
    foreach ($all as $s) socket_close($s);
    return median($rates);
}

foreach (array_slice($argv, 1) as $case) {
    [$kind, $size, $iters] = explode(':', $case);
    $ops = $kind === 'select' ? select_rate((int)$size, (int)$iters) : trips($kind, (int)$size, (int)$iters);
    printf("%s %.1f\n", $case, $ops);
}
