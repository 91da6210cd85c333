import nlp from 'compromise';
const w = nlp.world();
nlp('warm up the net please.');
let net; const nets = new Set();
const one = w.methods.one; const stock = one.bulkMatch;
one.bulkMatch = function (d, n, m, o) { nets.add(n); if (!net) net = n; return stock.call(this, d, n, m, o); };
nlp('The cat sat.');
one.bulkMatch = stock; console.log('nets', [...nets].map(n => Object.keys(n.hooks).length));
const rules = new Set(); for (const k of Object.keys(net.hooks)) for (const r of net.hooks[k]) rules.add(r);
console.log('rules', rules.size, 'always', net.always.length);
const combos = new Map(); const reg0 = new Map(); let group=0, notIf=0, justOne=0, anyStart=0, startFirst=0, anyEnd=0, dupMatch=new Map(), wantOnly=0, unTag=0;
const keysOf = r => Object.keys(r).filter(k => r[k] !== undefined).sort().join(',');
const walk = (regs, f) => { for (const r of regs) { f(r); if (r.choices) for (const c of r.choices) if (Array.isArray(c)) walk(c, f); } };
for (const r of rules) {
  if (r.group !== undefined) group++; if (r.notIf) notIf++; if (r.justOne) justOne++; if (r.unTag) unTag++;
  dupMatch.set(r.match, (dupMatch.get(r.match)||0)+1);
  if (r.needs.length===0) wantOnly++;
  let s=false, e=false; walk(r.regs, g => { if (g.start) s = true; if (g.end) e = true; combos.set(keysOf(g), (combos.get(keysOf(g))||0)+1); });
  if (r.regs[0].start) startFirst++; else if (s) anyStart++; if (e) anyEnd++;
  const k0 = keysOf(r.regs[0]); reg0.set(k0, (reg0.get(k0)||0)+1);
}
console.log({group, notIf, justOne, unTag, startFirst, anyStart, anyEnd, wantOnly, dups: [...dupMatch].filter(([,c])=>c>1)});
console.log('reg0', [...reg0].sort((a,b)=>b[1]-a[1]));
console.log('all', [...combos].sort((a,b)=>b[1]-a[1]));
console.log('rule keys', [...new Set([...rules].flatMap(r=>Object.keys(r)))]);
