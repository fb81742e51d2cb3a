<?php
// PHP 4/5's scatter/gather functions (socket_iovec_*, socket_readv, socket_writev), which PHP 8.2 no
// longer has, written in PHP with PHP 8's own socket functions: the reference their scenarios replay
// against. They do what the PHP 4 manual documents, with the library's texts for what PHP 4 could not
// say (freed vectors, bad lengths) and PHP 8's argument errors. A vector is a string of its length.

final class IOVec {
    /** @var string[] */
    public array $vectors = [];
    public bool $freed = false;
    public int $transferred = 0;
}

/** The IOVec as PHP 8's parser would check it: its class only. */
function iov_arg(string $fn, int $pos, $v): IOVec {
    if (!$v instanceof IOVec) {
        throw new TypeError("$fn(): Argument #$pos (\$iovec) must be of type IOVec, " . get_debug_type($v) . " given");
    }
    return $v;
}

/** Whether it was freed: asked once every argument is parsed, as PHP 8 asks a Socket whether it is open. */
function iov_live(string $fn, int $pos, IOVec $v): void {
    if ($v->freed) throw new Error("$fn(): Argument #$pos (\$iovec) has already been freed");
}

/**
 * An int parameter, coerced as PHP 8 coerces an internal function's int: through intdiv()'s own, with
 * intdiv's name and parameter in the texts replaced by this function's (its deprecations re-raised after).
 */
function iov_int(string $fn, int $pos, string $name, $v): int {
    return ext_int($fn, $pos, $name, $v);
}

function iov_len(string $fn, int $pos, string $name, $v): int {
    return iov_len_check($fn, $pos, $name, iov_int($fn, $pos, $name, $v));
}

function iov_len_check(string $fn, int $pos, string $name, int $n): int {
    if ($n < 0) throw new ValueError("$fn(): Argument #$pos (\$$name) must be greater than or equal to 0");
    if ($n > 0x7fffffff) throw new ValueError("$fn(): Argument #$pos (\$$name) must be less than or equal to 2147483647");
    return $n;
}

function iov_total(string $fn, int $total): void {
    if ($total > 0x7fffffff) throw new ValueError("$fn(): the vectors of an IOVec must not hold more than 2147483647 bytes in total");
}

function iov_warn(string $fn, string $text): void {
    trigger_error("$fn(): $text", E_USER_WARNING);
}

function socket_iovec_alloc(...$args) {
    $fn = 'socket_iovec_alloc';
    ext_argc($fn, count($args), 1, PHP_INT_MAX);
    $n = iov_int($fn, 1, 'num_vectors', $args[0]);
    if ($n < 0) throw new ValueError("$fn(): Argument #1 (\$num_vectors) must be greater than or equal to 0");
    if (count($args) - 1 < $n) throw new ArgumentCountError("$fn() expects at least " . ($n + 1) . " arguments, " . count($args) . " given");
    $lens = [];
    for ($i = 0; $i < $n; $i++) $lens[] = iov_len($fn, $i + 2, 'lengths', $args[$i + 1]);
    iov_total($fn, array_sum($lens));
    $v = new IOVec();
    foreach ($lens as $len) $v->vectors[] = str_repeat("\0", $len);
    return $v;
}

function socket_iovec_fetch(...$args) {
    $fn = 'socket_iovec_fetch';
    ext_argc($fn, count($args), 2, 2);
    $v = iov_arg($fn, 1, $args[0]);
    $i = iov_int($fn, 2, 'iovec_position', $args[1]);
    iov_live($fn, 1, $v);
    if ($i < 0 || $i >= count($v->vectors)) {
        iov_warn($fn, "Can't access a vector position past the amount of vectors set in the array");
        return '';
    }
    return $v->vectors[$i];
}

function socket_iovec_set(...$args) {
    $fn = 'socket_iovec_set';
    ext_argc($fn, count($args), 3, 3);
    $v = iov_arg($fn, 1, $args[0]);
    $i = iov_int($fn, 2, 'iovec_position', $args[1]);
    if (is_array($args[2]) || is_object($args[2])) {
        throw new TypeError("$fn(): Argument #3 (\$new_val) must be of type string, " . get_debug_type($args[2]) . " given");
    }
    if ($args[2] === null) trigger_error("$fn(): Passing null to parameter #3 (\$new_val) of type string is deprecated", E_USER_DEPRECATED);
    $val = (string)$args[2];
    iov_live($fn, 1, $v);
    if ($i < 0 || $i >= count($v->vectors)) {
        iov_warn($fn, "Can't access a vector position outside of the vector array bounds");
        return false;
    }
    iov_total($fn, strlen(implode('', $v->vectors)) - strlen($v->vectors[$i]) + strlen($val));
    $v->vectors[$i] = $val;
    return true;
}

function socket_iovec_add(...$args) {
    $fn = 'socket_iovec_add';
    ext_argc($fn, count($args), 2, 2);
    $v = iov_arg($fn, 1, $args[0]);
    $len = iov_int($fn, 2, 'iov_len', $args[1]);
    iov_live($fn, 1, $v);
    $n = iov_len_check($fn, 2, 'iov_len', $len);
    iov_total($fn, strlen(implode('', $v->vectors)) + $n);
    $v->vectors[] = str_repeat("\0", $n);
    return true;
}

function socket_iovec_delete(...$args) {
    $fn = 'socket_iovec_delete';
    ext_argc($fn, count($args), 2, 2);
    $v = iov_arg($fn, 1, $args[0]);
    $i = iov_int($fn, 2, 'iov_pos', $args[1]);
    iov_live($fn, 1, $v);
    if ($i < 0 || $i >= count($v->vectors)) {
        iov_warn($fn, "Can't delete an IO vector that is out of array bounds");
        return false;
    }
    array_splice($v->vectors, $i, 1);
    return true;
}

function socket_iovec_free(...$args) {
    $fn = 'socket_iovec_free';
    ext_argc($fn, count($args), 1, 1);
    $v = iov_arg($fn, 1, $args[0]);
    iov_live($fn, 1, $v);
    $v->freed = true;
    $v->vectors = [];
    return true;
}

/** Warns as PHP_SOCKET_ERROR does (quiet for "try again"), for an error a PHP 8 call already recorded. */
function iov_socket_error(string $fn, string $msg, Socket $s): void {
    $e = socket_last_error($s);
    if ($e !== SOCKET_EAGAIN && $e !== SOCKET_EINPROGRESS) iov_warn($fn, "$msg [$e]: " . socket_strerror($e));
}

function socket_readv(...$args) {
    $fn = 'socket_readv';
    ext_argc($fn, count($args), 2, 2);
    ext_socket_class($fn, $args[0]);
    $v = iov_arg($fn, 2, $args[1]);
    ext_socket_open($fn, $args[0]);
    iov_live($fn, 2, $v);
    $total = strlen(implode('', $v->vectors));
    // A readv of no bytes still waits for data, then moves none from a stream and drops a whole datagram;
    // PHP 8's socket_recv refuses a length of 0, so a 1-byte read does the same (a peek on a stream).
    $empty = $total === 0;
    $flags = $empty && socket_get_option($args[0], SOL_SOCKET, SO_TYPE) === SOCK_STREAM ? MSG_PEEK : 0;
    set_error_handler(fn() => true);
    $n = socket_recv($args[0], $data, $empty ? 1 : $total, $flags);
    restore_error_handler();
    if ($n === false) {
        iov_socket_error($fn, 'unable to read from socket', $args[0]);
        return false;
    }
    if ($empty) {
        $v->transferred = 0;
        return true;
    }
    // One read fills the vectors in order; what it did not reach keeps its old bytes.
    $data = (string)$data;
    $at = 0;
    foreach ($v->vectors as $i => $vec) {
        $take = min(strlen($vec), strlen($data) - $at);
        if ($take <= 0) break;
        $v->vectors[$i] = substr($data, $at, $take) . substr($vec, $take);
        $at += $take;
    }
    $v->transferred = $n;
    return true;
}

function socket_writev(...$args) {
    $fn = 'socket_writev';
    ext_argc($fn, count($args), 2, 2);
    ext_socket_class($fn, $args[0]);
    $v = iov_arg($fn, 2, $args[1]);
    ext_socket_open($fn, $args[0]);
    iov_live($fn, 2, $v);
    $data = implode('', $v->vectors);
    set_error_handler(fn() => true);
    $n = socket_send($args[0], $data, strlen($data), 0);
    restore_error_handler();
    if ($n === false) {
        iov_socket_error($fn, 'Unable to write to socket', $args[0]);
        return false;
    }
    $v->transferred = $n;
    return true;
}
