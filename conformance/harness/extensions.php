<?php
// PHP versions of the library's two extensions, so that their scenarios replay in PHP too: what they
// must do, written with PHP's own socket functions. They check the argument shapes the scenarios use
// (counts, the Socket, values) with the library's messages; a string by reference stands in for the
// caller's Uint8Array.

/** The Socket as PHP's parser checks it: its class only. */
function ext_socket_class(string $fn, $socket): void {
    if (!$socket instanceof Socket) {
        throw new TypeError("$fn(): Argument #1 (\$socket) must be of type Socket, " . get_debug_type($socket) . " given");
    }
}

/** PHP's ENSURE_SOCKET_VALID, which comes once every argument is parsed. */
function ext_socket_open(string $fn, Socket $socket): void {
    try {
        socket_last_error($socket);
    } catch (Error $e) {
        throw new Error(str_replace('socket_last_error()', "$fn()", $e->getMessage()));
    }
}

/**
 * An int (or ?int) parameter, coerced as PHP 8 coerces an internal function's int: through intdiv()'s own,
 * with intdiv's name and parameter in the texts replaced by this function's (its deprecations re-raised).
 */
function ext_int(string $fn, int $pos, string $name, $v, bool $nullable = false): ?int {
    if ($nullable && $v === null) return null;
    $from = 'intdiv(): Argument #1 ($num1) must be of type int';
    $to = "$fn(): Argument #$pos (\$$name) must be of type " . ($nullable ? '?int' : 'int');
    $raised = [];
    set_error_handler(function (int $no, string $str) use (&$raised) { $raised[] = $str; return true; });
    try {
        return intdiv($v, 1);
    } catch (TypeError $e) {
        throw new TypeError(str_replace($from, $to, $e->getMessage()));
    } finally {
        restore_error_handler();
        foreach ($raised as $str) trigger_error(str_replace('intdiv(): Passing null to parameter #1 ($num1)', "$fn(): Passing null to parameter #$pos (\$$name)", $str), E_USER_DEPRECATED);
    }
}

function ext_argc(string $fn, int $given, int $min, int $max): void {
    if ($given >= $min && $given <= $max) return;
    $n = $given < $min ? $min : $max;
    $kind = $min === $max ? 'exactly' : ($given < $min ? 'at least' : 'at most');
    throw new ArgumentCountError("$fn() expects $kind $n argument" . ($n === 1 ? '' : 's') . ", $given given");
}

/** socket_recv_into(Socket $socket, Uint8Array $buffer, int $flags = 0, ?int $length = null): int|false */
function socket_recv_into($socket = null, &$buffer = null, $flags = 0, $length = null, ...$more) {
    $fn = 'socket_recv_into';
    ext_argc($fn, func_num_args(), 2, 4);
    ext_socket_class($fn, $socket);
    $flags = ext_int($fn, 3, 'flags', $flags);
    $length = ext_int($fn, 4, 'length', $length, true);
    ext_socket_open($fn, $socket);
    $size = strlen($buffer);
    $len = $length ?? $size;
    if ($len < 0) throw new ValueError("$fn(): Argument #4 (\$length) must be greater than or equal to 0");
    if ($len > $size) throw new ValueError("$fn(): Argument #4 (\$length) must be less than or equal to the byte length of argument #2 (\$buffer)");
    if ($len === 0) return 0;
    // Under MSG_TRUNC PHP's socket_recv writes past its own buffer when a datagram is longer than it:
    // read into room for any datagram instead, then store the first $len bytes (the same result).
    $room = ($flags & MSG_TRUNC) ? max($len, 65536) : $len;
    set_error_handler(fn() => true);
    $n = socket_recv($socket, $data, $room, $flags);
    restore_error_handler();
    if ($n === false) {
        $e = socket_last_error($socket);
        if ($e !== SOCKET_EAGAIN && $e !== SOCKET_EINPROGRESS) {
            trigger_error("$fn(): Unable to read from socket [$e]: " . socket_strerror($e), E_USER_WARNING);
        }
        return false;
    }
    $stored = min($n, $len);
    if ($stored > 0) $buffer = substr_replace($buffer, substr($data, 0, $stored), 0, $stored);
    return $n;
}

/** socket_set_encoding(Socket $socket, string $encoding): string — PHP strings are bytes in either mode. */
function socket_set_encoding($socket = null, $encoding = null, ...$more) {
    static $modes = null;
    $modes ??= new WeakMap();
    $fn = 'socket_set_encoding';
    ext_argc($fn, func_num_args(), 2, 2);
    ext_socket_class($fn, $socket);
    if (is_array($encoding) || is_object($encoding)) {
        throw new TypeError("$fn(): Argument #2 (\$encoding) must be of type string, " . get_debug_type($encoding) . " given");
    }
    if ($encoding === null) trigger_error("$fn(): Passing null to parameter #2 (\$encoding) of type string is deprecated", E_USER_DEPRECATED);
    $e = (string)$encoding;
    ext_socket_open($fn, $socket);
    if ($e !== 'utf8' && $e !== 'binary') throw new ValueError("$fn(): Argument #2 (\$encoding) must be either \"utf8\" or \"binary\"");
    $prev = $modes[$socket] ?? 'utf8';
    $modes[$socket] = $e;
    return $prev;
}
