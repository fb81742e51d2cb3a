// A small C preprocessor, just enough for xnu's and Libinfo's public headers: it follows
// #if/#ifdef/#else under a fixed configuration (userland, LP64, __APPLE_USE_RFC_3542) and records
// each object-like #define with the file it came from; evaluate() then computes a macro's value.

export interface Macro {
  body: string;
  file: string;
}

type Tok = { t: "num"; v: bigint } | { t: "id"; v: string } | { t: "op"; v: string };

const SIZEOF: Record<string, bigint> = { int: 4n, "unsigned int": 4n, long: 8n, "struct ifreq": 32n, "struct ifconf": 12n };
// Integer types a cast may name; a cast to a 32-bit unsigned type wraps the value.
const TYPES = new Set(["int", "unsigned", "long", "short", "char", "u_int", "u_long", "u_short", "u_char",
  "u_int32_t", "uint32_t", "__uint32_t", "in_addr_t", "int32_t", "__int32_t", "u_int8_t", "uint8_t", "sa_family_t"]);

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  const re = /\s*(?:(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|'(\\?.)'|([A-Za-z_]\w*)|(<<|>>|<=|>=|==|!=|&&|\|\||[-+*\/%&|^~!<>?:(),]))/y;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while (re.lastIndex < src.length && (m = re.exec(src))) {
    if (m[1] !== undefined) {
      const s = m[1];
      out.push({ t: "num", v: /^0\d/.test(s) ? BigInt("0o" + s.slice(1)) : BigInt(s) });
    } else if (m[2] !== undefined) out.push({ t: "num", v: BigInt(m[2].replace(/^\\/, "").charCodeAt(0)) });
    else if (m[3] !== undefined) out.push({ t: "id", v: m[3] });
    else out.push({ t: "op", v: m[4]! });
    if (/^\s*$/.test(src.slice(re.lastIndex))) break;
  }
  if (src.slice(re.lastIndex).trim()) throw new Error(`cannot tokenize "${src}"`);
  return out;
}

export class Cpp {
  readonly macros = new Map<string, Macro>();
  constructor(predefined: Record<string, string>) {
    for (const [k, v] of Object.entries(predefined)) this.macros.set(k, { body: v, file: "(configuration)" });
  }

  /** Reads one header: comments stripped, lines joined, conditionals followed. */
  process(text: string, file: string): void {
    const clean = text.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\/\/[^\n]*/g, "").replace(/\\\n/g, " ");
    const stack: { active: boolean; taken: boolean; parent: boolean }[] = [];
    const active = () => stack.every((s) => s.active);
    for (const raw of clean.split("\n")) {
      const m = /^\s*#\s*(\w+)\s*(.*)$/.exec(raw);
      if (!m) continue;
      const [, dir, rest] = m as unknown as [string, string, string];
      const arg = rest.trim();
      if (dir === "if" || dir === "ifdef" || dir === "ifndef") {
        const parent = active();
        let cond = false;
        if (parent) {
          if (dir === "ifdef") cond = this.macros.has(arg);
          else if (dir === "ifndef") cond = !this.macros.has(arg);
          else cond = this.evalCond(arg);
        }
        stack.push({ active: parent && cond, taken: cond, parent });
      } else if (dir === "elif") {
        const top = stack[stack.length - 1]!;
        const cond = top.parent && !top.taken && this.evalCond(arg);
        top.active = cond;
        top.taken ||= cond;
      } else if (dir === "else") {
        const top = stack[stack.length - 1]!;
        top.active = top.parent && !top.taken;
        top.taken = true;
      } else if (dir === "endif") stack.pop();
      else if (!active()) continue;
      else if (dir === "define") {
        const d = /^(\w+)(\([^)]*\))?\s*(.*)$/.exec(arg);
        if (d && !d[2]) this.macros.set(d[1]!, { body: d[3]!.trim(), file });
      } else if (dir === "undef") this.macros.delete(arg);
    }
  }

  private evalCond(expr: string): boolean {
    try {
      return this.evalTokens(tokenize(expr), new Set(), true) !== 0n;
    } catch {
      return false; // an expression we cannot read is treated as false (e.g. a function-like test)
    }
  }

  /** The value of an object-like macro, or undefined when it is not defined. Throws if unreadable. */
  evaluate(name: string): bigint | undefined {
    if (!this.macros.has(name)) return undefined;
    return this.evalTokens([{ t: "id", v: name }], new Set(), false);
  }

  private evalTokens(toks: Tok[], seen: Set<string>, inIf: boolean): bigint {
    let i = 0;
    const peek = () => toks[i];
    const isOp = (v: string) => peek()?.t === "op" && peek()!.v === v;
    const expect = (v: string) => {
      if (!isOp(v)) throw new Error(`expected ${v}`);
      i++;
    };
    const ident = (name: string): bigint => {
      const mac = this.macros.get(name);
      if (!mac) {
        if (inIf) return 0n;
        throw new Error(`undefined identifier ${name}`);
      }
      if (seen.has(name)) throw new Error(`recursive macro ${name}`);
      if (mac.body === "") return 0n;
      return this.evalTokens(tokenize(mac.body), new Set([...seen, name]), inIf);
    };
    const primary = (): bigint => {
      const tk = toks[i++];
      if (!tk) throw new Error("unexpected end");
      if (tk.t === "num") return tk.v;
      if (tk.t === "id") {
        if (tk.v === "defined") {
          const paren = isOp("(");
          if (paren) i++;
          const n = toks[i++];
          if (paren) expect(")");
          return n && n.t === "id" && this.macros.has(n.v) ? 1n : 0n;
        }
        if (tk.v === "sizeof") {
          expect("(");
          const words: string[] = [];
          while (!isOp(")")) words.push(String(toks[i++]!.v));
          i++;
          const size = SIZEOF[words.join(" ")];
          if (size === undefined) throw new Error(`sizeof(${words.join(" ")}) unknown`);
          return size;
        }
        if (/^_IO(R|W|WR)?$/.test(tk.v)) return ioctl(tk.v);
        return ident(tk.v);
      }
      if (tk.v === "(") {
        // A cast: (type) operand
        const words: string[] = [];
        let j = i;
        while (toks[j]?.t === "id" && TYPES.has(String(toks[j]!.v))) words.push(String(toks[j++]!.v));
        if (words.length && toks[j]?.t === "op" && toks[j]!.v === ")") {
          i = j + 1;
          const v = unary();
          return words.some((w) => /32|in_addr_t|^u_int$|unsigned/.test(w)) ? v & 0xffffffffn : v;
        }
        const v = cond();
        expect(")");
        return v;
      }
      i--;
      return unary();
    };
    // _IOC(inout, group, num, len) as sys/ioccom.h defines it.
    const ioctl = (kind: string): bigint => {
      expect("(");
      const group = cond();
      expect(",");
      const num = cond();
      let len = 0n;
      if (kind !== "_IO") {
        expect(",");
        const words: string[] = [];
        while (!isOp(")")) words.push(String(toks[i++]!.v));
        const size = SIZEOF[words.join(" ")];
        if (size === undefined) throw new Error(`sizeof(${words.join(" ")}) unknown`);
        len = size;
      }
      expect(")");
      const dir = { _IO: "IOC_VOID", _IOR: "IOC_OUT", _IOW: "IOC_IN", _IOWR: "IOC_INOUT" }[kind]!;
      return ident(dir) | ((len & ident("IOCPARM_MASK")) << 16n) | (group << 8n) | num;
    };
    const unary = (): bigint => {
      if (isOp("-")) return (i++, -unary());
      if (isOp("+")) return (i++, unary());
      if (isOp("!")) return (i++, unary() === 0n ? 1n : 0n);
      if (isOp("~")) return (i++, ~unary());
      return primary();
    };
    const PREC: Record<string, number> = {
      "*": 10, "/": 10, "%": 10, "+": 9, "-": 9, "<<": 8, ">>": 8, "<": 7, ">": 7, "<=": 7, ">=": 7,
      "==": 6, "!=": 6, "&": 5, "^": 4, "|": 3, "&&": 2, "||": 1,
    };
    const binary = (minPrec: number): bigint => {
      let left = unary();
      for (;;) {
        const tk = peek();
        if (!tk || tk.t !== "op" || !(tk.v in PREC) || PREC[tk.v]! < minPrec) return left;
        i++;
        const right = binary(PREC[tk.v]! + 1);
        left = apply(tk.v, left, right);
      }
    };
    const cond = (): bigint => {
      const c = binary(1);
      if (!isOp("?")) return c;
      i++;
      const a = cond();
      expect(":");
      const b = cond();
      return c !== 0n ? a : b;
    };
    const v = cond();
    if (i !== toks.length) throw new Error("trailing tokens");
    return v;
  }
}

function apply(op: string, a: bigint, b: bigint): bigint {
  switch (op) {
    case "*": return a * b;
    case "/": return a / b;
    case "%": return a % b;
    case "+": return a + b;
    case "-": return a - b;
    case "<<": return a << b;
    case ">>": return a >> b;
    case "<": return a < b ? 1n : 0n;
    case ">": return a > b ? 1n : 0n;
    case "<=": return a <= b ? 1n : 0n;
    case ">=": return a >= b ? 1n : 0n;
    case "==": return a === b ? 1n : 0n;
    case "!=": return a !== b ? 1n : 0n;
    case "&": return a & b;
    case "^": return a ^ b;
    case "|": return a | b;
    case "&&": return a !== 0n && b !== 0n ? 1n : 0n;
    case "||": return a !== 0n || b !== 0n ? 1n : 0n;
  }
  throw new Error(`operator ${op}`);
}
