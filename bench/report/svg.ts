// bench/results.svg: grouped bars, one panel per transport plus select, each bar the rate of an
// implementation divided by C's on the same case (C = 1, drawn as a dashed line). Plain SVG, no library.
import { SIZES, SELECT_SOCKETS, TRANSPORTS, sizeFor, sizeLabel } from "../cases.ts";
import { IMPLS, find, type Results } from "./model.ts";

const COLORS: Record<string, string> = {
  C: "#444444",
  PHP: "#7a86b8",
  "bun:ffi raw": "#a0a0a0",
  "bun:ffi raw + strings": "#cccccc",
  "Bun.listen": "#f4a261",
  "node:net": "#8ab17d",
  "php-sockets: strings": "#2a9d8f",
  "php-sockets: binary strings": "#57cc99",
  "php-sockets: zero-copy": "#e76f51",
};

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

interface Group {
  label: string;
  bars: { impl: string; value: number }[];
}

function panel(x0: number, y0: number, w: number, h: number, title: string, groups: Group[], top: number): string[] {
  const out: string[] = [];
  const left = 40, bottom = 24, plotW = w - left - 10, plotH = h - bottom - 28;
  const px = x0 + left, py = y0 + 28;
  const y = (v: number) => py + plotH - (Math.min(v, top) / top) * plotH;
  out.push(`<text x="${x0 + w / 2}" y="${y0 + 16}" text-anchor="middle" font-weight="bold">${esc(title)}</text>`);
  for (let t = 0; t <= top + 1e-9; t += 0.25) {
    const yy = y(t).toFixed(1);
    out.push(`<line x1="${px}" x2="${px + plotW}" y1="${yy}" y2="${yy}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${px - 4}" y="${(+yy + 4).toFixed(1)}" text-anchor="end" font-size="10">${t.toFixed(2)}</text>`);
  }
  const gw = plotW / groups.length;
  groups.forEach((g, gi) => {
    const n = g.bars.length, bw = Math.min(36, Math.max(2, (gw - 12) / n));
    const gx = px + gi * gw + (gw - n * bw) / 2;
    g.bars.forEach((b, bi) => {
      if (!(b.value > 0)) return;
      const bx = gx + bi * bw, by = y(b.value);
      out.push(`<rect x="${bx.toFixed(1)}" y="${by.toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${(py + plotH - by).toFixed(1)}" fill="${COLORS[b.impl] ?? "#999"}"><title>${esc(`${b.impl}: ${b.value.toFixed(2)} × C`)}</title></rect>`);
    });
    out.push(`<text x="${(px + gi * gw + gw / 2).toFixed(1)}" y="${py + plotH + 15}" text-anchor="middle" font-size="11">${esc(g.label)}</text>`);
  });
  const one = y(1).toFixed(1);
  out.push(`<line x1="${px}" x2="${px + plotW}" y1="${one}" y2="${one}" stroke="#000" stroke-dasharray="4 3"/>`);
  out.push(`<line x1="${px}" x2="${px}" y1="${py}" y2="${py + plotH}" stroke="#000"/>`);
  return out;
}

export function svg(r: Results): string {
  const W = 960, PH = 300, legendH = 20 + 16 * Math.ceil(IMPLS.length / 4);
  const rel = (impl: string, t: string, size: number): number => {
    const c = find(r.cells, "C", t, size)?.ops ?? 0, v = find(r.cells, impl, t, size)?.ops ?? 0;
    return c > 0 ? v / c : 0;
  };
  const panels: { title: string; groups: Group[] }[] = TRANSPORTS.map((t) => ({
    title: { unix: "AF_UNIX stream", tcp: "TCP 127.0.0.1", udp: "UDP 127.0.0.1" }[t],
    groups: SIZES.map((s) => ({ label: sizeLabel(s), bars: IMPLS.map((impl) => ({ impl, value: rel(impl, t, sizeFor(t, s)) })) })),
  }));
  panels.push({
    title: `socket_select, ${SELECT_SOCKETS} sockets`,
    groups: [{ label: "C poll() · PHP select() · bun:ffi poll() · php-sockets", bars: ["C", "PHP", "bun:ffi raw", "php-sockets: strings"].map((impl) => ({ impl, value: rel(impl, "select", SELECT_SOCKETS) })) }],
  });
  const max = Math.max(1, ...panels.flatMap((p) => p.groups.flatMap((g) => g.bars.map((b) => b.value))));
  const top = Math.ceil(max * 4 + 0.5) / 4;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${legendH + 2 * PH + 20}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="18" font-weight="bold">Round trips per second relative to C (dashed line = C); ${esc(r.meta.date)}, Bun ${esc(r.meta.bun)}, PHP ${esc(r.meta.php ?? "–")}</text>`,
  ];
  IMPLS.forEach((impl, i) => {
    const lx = 10 + (i % 4) * 235, ly = 30 + Math.floor(i / 4) * 16;
    out.push(`<rect x="${lx}" y="${ly}" width="10" height="10" fill="${COLORS[impl]}"/><text x="${lx + 14}" y="${ly + 9}" font-size="11">${esc(impl)}</text>`);
  });
  panels.forEach((p, i) => out.push(...panel((i % 2) * (W / 2), legendH + Math.floor(i / 2) * PH, W / 2, PH, p.title, p.groups, top)));
  out.push("</svg>");
  return out.join("\n") + "\n";
}
