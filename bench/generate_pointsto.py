#!/usr/bin/env python3
"""Generates deterministic input facts for bench/programs/pointsto.dl: a synthetic object-oriented program
with classes in a hierarchy, virtual methods overridden along it, local variables, allocations, copies,
field loads and stores, and virtual calls passing arguments and returning values.

    python3 bench/generate_pointsto.py OUT_DIR [--methods 300] [--seed 7]"""
import argparse
import os
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--methods", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    facts = {name: [] for name in ["alloc", "move", "load", "store", "vcall", "formal", "actual", "returnVar",
                                   "assignReturn", "heapType", "lookup", "thisVar", "mainMethod", "method"]}
    classes = max(20, args.methods // 12)
    sigs = max(10, args.methods // 8)
    fields = [f"f{i}" for i in range(40)]
    parent = {0: None}
    for c in range(1, classes):
        parent[c] = rnd.randrange(c) if rnd.random() < 0.9 else 0
    # each signature is declared in one class and overridden in a few subclasses
    methods = []
    declares = {}
    # the root class declares every signature, so every virtual call dispatches somewhere
    for s in range(sigs):
        name = f"C0.s{s}#root"
        declares[(0, s)] = name
        methods.append((name, 0, s))
    for m in range(args.methods):
        c = rnd.randrange(classes)
        s = rnd.randrange(sigs)
        name = f"C{c}.s{s}#{m}"
        if (c, s) in declares:
            continue
        declares[(c, s)] = name
        methods.append((name, c, s))
    for c in range(classes):
        for s in range(sigs):
            k = c
            while k is not None and (k, s) not in declares:
                k = parent[k]
            if k is not None:
                facts["lookup"].append((f"T{c}", f"s{s}", declares[(k, s)]))
    by_sig = {}
    for name, c, s in methods:
        by_sig.setdefault(s, []).append(name)
    for name, c, s in methods:
        facts["method"].append((name,))
        local = [f"{name}/v{i}" for i in range(rnd.randint(4, 10))]
        this = f"{name}/this"
        facts["thisVar"].append((name, this))
        local.append(this)
        params = [f"{name}/p{i}" for i in range(rnd.randint(0, 3))]
        for i, p in enumerate(params):
            facts["formal"].append((name, i, p))
        local += params
        ret = rnd.choice(local)
        facts["returnVar"].append((name, ret))
        for i in range(rnd.randint(2, 4)):
            heap = f"{name}/new{i}"
            t = rnd.randrange(classes)
            facts["alloc"].append((rnd.choice(local), heap, name))
            facts["heapType"].append((heap, f"T{t}"))
        for _ in range(rnd.randint(2, 6)):
            facts["move"].append((rnd.choice(local), rnd.choice(local)))
        for _ in range(rnd.randint(0, 2)):
            facts["store"].append((rnd.choice(local), rnd.choice(fields), rnd.choice(local)))
        for _ in range(rnd.randint(0, 2)):
            facts["load"].append((rnd.choice(local), rnd.choice(local), rnd.choice(fields)))
        for k in range(rnd.randint(1, 3)):
            invo = f"{name}@{k}"
            s2 = rnd.choice(list(by_sig))
            facts["vcall"].append((rnd.choice(local), f"s{s2}", invo, name))
            for i in range(rnd.randint(0, 2)):
                facts["actual"].append((invo, i, rnd.choice(local)))
            facts["assignReturn"].append((invo, rnd.choice(local)))
    for name, _, _ in rnd.sample(methods, max(1, len(methods) // 50)):
        facts["mainMethod"].append((name,))
    for relation, rows in facts.items():
        with open(os.path.join(args.out, relation + ".facts"), "w") as f:
            for row in sorted(set(rows)):
                f.write("\t".join(str(v) for v in row) + "\n")


if __name__ == "__main__":
    main()
