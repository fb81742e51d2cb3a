<?php
// Replays conformance scenarios (JSON on stdin) in real PHP and prints one transcript per scenario.
// The TypeScript twin is interp.ts; both speak the format described in scenario.ts.
$tmp = $argv[1];
require __DIR__ . '/extensions.php';
require __DIR__ . '/php4-iovec.php';
require __DIR__ . '/php83-atmark.php';
$scenarios = json_decode(stream_get_contents(STDIN), true, 512, JSON_THROW_ON_ERROR);
$out = [];
$diag = [];
set_error_handler(function (int $no, string $str) use (&$diag) {
    $diag[] = ($no === E_DEPRECATED || $no === E_USER_DEPRECATED ? "D: " : ($no === E_NOTICE ? "N: " : "W: ")) . $str;
    return true;
});

function val($a, array &$vars, string $tmp) {
    if (!is_array($a)) return $a;
    if (array_key_exists('k', $a)) return constant($a['k']);
    if (array_key_exists('or', $a)) return array_reduce($a['or'], fn($n, $c) => $n | constant($c), 0);
    if (array_key_exists('v', $a)) return $vars[$a['v']] ?? null;
    if (array_key_exists('at', $a)) {
        $x = $vars[$a['at'][0]] ?? null;
        foreach (array_slice($a['at'], 1) as $key) $x = $x[$key] ?? null;
        return $x;
    }
    if (array_key_exists('a', $a)) return array_map(fn($x) => val($x, $vars, $tmp), $a['a']);
    if (array_key_exists('o', $a)) { $r = []; foreach ($a['o'] as [$k, $x]) $r[$k] = val($x, $vars, $tmp); return $r; }
    if (array_key_exists('f', $a)) return (float)($a['f'] === 'NAN' ? NAN : ($a['f'] === 'INF' ? INF : ($a['f'] === '-INF' ? -INF : $a['f'])));
    if (array_key_exists('b', $a)) return hex2bin($a['b']);
    if (array_key_exists('tmp', $a)) return $tmp . '/' . $a['tmp'];
    if (array_key_exists('rep', $a)) return str_repeat($a['rep'][0], $a['rep'][1]);
    if (array_key_exists('obj', $a)) return new stdClass();
    throw new Exception('bad arg ' . json_encode($a));
}

function canon($x, array $vars, string $tmp) {
    if (is_string($x)) {
        $x = str_replace($tmp, '$TMP', $x);
        return preg_match('//u', $x) === 1 ? $x : ['b' => bin2hex($x)];
    }
    if (is_float($x)) {
        if (is_nan($x)) return ['f' => 'NAN'];
        if (is_infinite($x)) return ['f' => $x > 0 ? 'INF' : '-INF'];
        return $x;
    }
    if (is_resource($x)) return ['res' => get_resource_type($x)];
    if (gettype($x) === 'resource (closed)') return ['res' => 'closed'];
    if ($x instanceof Socket) {
        foreach ($vars as $k => $v) if ($v === $x) return ['sock' => $k];
        return ['sock' => '?'];
    }
    if (is_object($x)) return ['obj' => get_class($x)];
    if (is_array($x)) {
        if (array_is_list($x)) return array_map(fn($v) => canon($v, $vars, $tmp), $x);
        $r = [];
        foreach ($x as $k => $v) $r[] = [$k, canon($v, $vars, $tmp)];
        return ['o' => $r];
    }
    return $x;
}

foreach ($scenarios as $sc) {
    $vars = [];
    $steps = [];
    socket_clear_error();
    foreach ($sc['steps'] as $st) {
        $diag = [];
        $rec = ['call' => $st['call']];
        $refs = [];
        $args = [];
        foreach ($st['args'] ?? [] as $i => $a) {
            if (is_array($a) && array_key_exists('r', $a)) {
                $name = $a['r'];
                if (!array_key_exists($name, $vars)) $vars[$name] = isset($a['init']) ? val($a['init'], $vars, $tmp) : null;
                $args[$i] = &$vars[$name];
                $refs[] = $name;
            } elseif (is_array($a) && array_key_exists('u8', $a)) {
                // The caller's Uint8Array: a string of that many bytes, by reference.
                $name = $a['u8'];
                if (!array_key_exists($name, $vars)) $vars[$name] = str_repeat("\0", $a['size']);
                $args[$i] = &$vars[$name];
                $refs[] = $name;
            } else {
                $args[$i] = val($a, $vars, $tmp);
            }
        }
        try {
            if ($st['call'] === 'set') { $ret = $args[0]; }
            elseif ($st['call'] === 'usleep') { usleep($args[0]); $ret = null; }
            elseif ($st['call'] === 'close_stdin') { if (is_resource(STDIN)) fclose(STDIN); $ret = null; }
            elseif ($st['call'] === 'values') { $ret = array_values($args[0]); }
            else { $ret = ($st['call'])(...$args); }
            if (isset($st['as'])) $vars[$st['as']] = $ret;
            $rec['ret'] = !empty($st['maskRet']) ? '*' . gettype($ret) : canon($ret, $vars, $tmp);
        } catch (Throwable $e) {
            $rec['throw'] = get_class($e) . ': ' . str_replace($tmp, '$TMP', $e->getMessage());
        }
        unset($args);
        foreach ($refs as $name) {
            $rec['refs'][$name] = in_array($name, $st['mask'] ?? []) ? '*' . gettype($vars[$name]) : canon($vars[$name], $vars, $tmp);
        }
        if ($diag) $rec['out'] = array_map(fn($d) => str_replace($tmp, '$TMP', $d), $diag);
        $steps[] = $rec;
    }
    foreach ($vars as $v) {
        if ($v instanceof Socket) { try { @socket_close($v); } catch (Throwable $e) {} }
        if (is_array($v)) foreach ($v as $w) if ($w instanceof Socket) { try { @socket_close($w); } catch (Throwable $e) {} }
    }
    $out[] = ['name' => $sc['name'], 'steps' => $steps];
}
echo json_encode($out, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
