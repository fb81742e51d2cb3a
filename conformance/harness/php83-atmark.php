<?php
// socket_atmark came with PHP 8.3; the oracle here is PHP 8.2, which lacks it. So that its scenarios
// still replay in real PHP, this stand-in does what 8.3's does, over libc's own sockatmark() through
// FFI: the Socket's descriptor is found by exporting it to a stream and matching the stream's inode
// with /proc/self/fd (Linux, where the live oracle runs). What it cannot do is set the socket's or the
// global last error on failure, so scenarios do not read socket_last_error() after a failing call.

if (!function_exists('socket_atmark')) {
    /** socket_atmark(Socket $socket): bool */
    function socket_atmark(...$args) {
        $fn = 'socket_atmark';
        ext_argc($fn, count($args), 1, 1);
        ext_socket_class($fn, $args[0]);
        ext_socket_open($fn, $args[0]);
        static $ffi = null;
        if ($ffi === null) {
            if (!extension_loaded('ffi')) dl('ffi.so');
            $ffi = FFI::cdef('int sockatmark(int fd); int *__errno_location(void);', 'libc.so.6');
        }
        $r = $ffi->sockatmark(atmark_fd($args[0]));
        if ($r < 0) {
            $e = $ffi->__errno_location()[0];
            trigger_error("$fn(): Unable to apply sockmark [$e]: " . socket_strerror($e), E_USER_WARNING);
            return false;
        }
        return $r !== 0;
    }

    function atmark_fd(Socket $s): int {
        static $streams = null;
        $streams ??= new WeakMap();
        $streams[$s] ??= socket_export_stream($s);
        $ino = fstat($streams[$s])['ino'];
        foreach (scandir('/proc/self/fd') as $n) {
            if (!preg_match('/^\d+$/', $n) || !str_starts_with((string)@readlink("/proc/self/fd/$n"), 'socket:')) continue;
            $st = @stat("/proc/self/fd/$n");
            if ($st && $st['ino'] === $ino) return (int)$n;
        }
        throw new Error('socket_atmark stand-in: the descriptor was not found');
    }
}
