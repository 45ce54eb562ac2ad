"""`newslint check` over a generated content repository, serially and with --jobs.

    python benchmarks/many_files.py [--articles 5000] [--jobs 2] [--runs 3]

Writes the articles (plain text and Markdown, about two thousand characters each, from this
file's own sentence templates, with a typo or a half-width comma now and then, as real
archives have) into a temporary directory, then times the whole command, as CI runs it:
`newslint check DIR --format json --jobs 1` and `--jobs N`. It checks that both reports are
identical and prints the median wall times and the speed-up.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = ["城东新区", "滨江街道", "北湖公园", "高新园区", "老城片区", "南山村", "火车站广场", "市图书馆"]
BODIES = ["区住建局", "市卫健委", "街道综治中心", "县文化馆", "市消防支队", "镇政府", "区税务局", "市水务集团"]
THINGS = ["雨污分流改造", "老旧小区加装电梯", "社区食堂", "夜间集市", "防汛演练", "义诊活动", "阅读推广周", "公交线路调整"]
SENTENCES = [
    "{body}近日在{place}启动{thing}，首批涉及{n}户居民。",
    "据{body}介绍，{thing}计划分{m}个阶段推进，预计年底前全部完成。",
    "记者在{place}看到，施工围挡已经搭好，工人们正在清理路面。",
    "“以前办事要跑好几趟，现在一次就能办完。”一位居民告诉记者。",
    "截至{m}月底，{place}共受理相关申请{n}件，办结率超过九成。",
    "{body}负责人表示，将根据居民意见及时调整方案，确保{thing}顺利实施。",
    "活动当天，{n}余名志愿者分散在{place}各个路口，引导市民有序通行。",
    "专家建议，类似项目应提前公示、充分征求意见，避免反复施工。",
    "此外，{place}还将新增{n}个停车位和两处口袋公园。",
    "不少商户表示，改造期间客流虽有下降，但对今后的经营充满信心。",
]
FLAWED = [  # what an archive really holds now and then
    "{body}表示,下一步将再接再励,把经验推广到更多社区。",
    "工作人员见缝插扎地利用午休时间为群众答疑。",
    "现场(包括{place}在内)共设置了{n}个咨询点。",
]


def article(rng: random.Random, markdown: bool) -> str:
    fill = dict(place=rng.choice(PLACES), body=rng.choice(BODIES), thing=rng.choice(THINGS))
    headline = f"{fill['place']}{fill['thing']}进展顺利"
    paragraphs = []
    for _ in range(rng.randint(10, 20)):
        pool = SENTENCES if rng.random() > 0.05 else SENTENCES + FLAWED
        paragraphs.append("".join(rng.choice(pool).format(n=rng.randint(3, 900), m=rng.randint(1, 12), **fill)
                                  for _ in range(rng.randint(3, 6))))
    credit, editor = "（记者 张某 通讯员 刘某）", "责任编辑：赵某"
    if markdown:
        return f"---\ntitle: {headline}\nauthor: 张某\neditor: 赵某\n---\n\n" + "\n\n".join(paragraphs) + "\n"
    return f"{headline}\n\n{credit}" + "\n\n".join(paragraphs) + f"\n\n{editor}\n"


def write_repository(top: Path, count: int, seed: int = 11) -> int:
    rng = random.Random(seed)
    size = 0
    for index in range(count):
        folder = top / "content" / f"{2015 + index % 10}" / f"{index % 12 + 1:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        markdown = index % 3 == 0
        text = article(rng, markdown)
        (folder / f"article-{index:05d}.{'md' if markdown else 'txt'}").write_text(text, encoding="utf-8")
        size += len(text)
    return size


def time_check(top: Path, jobs: int, count: int) -> tuple[float, float, bytes]:
    """Wall time, CPU time (all processes of the command) and the report."""
    command = [sys.executable, "-m", "lint", "check", "content", "--format", "json", "--jobs", str(jobs)]
    cpu_before = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run(command, cwd=top, capture_output=True)
    elapsed = time.perf_counter() - start
    cpu = _children_cpu() - cpu_before
    if result.returncode not in (0, 1):
        raise SystemExit(result.stderr.decode())
    summary = json.loads(result.stdout)["summary"]
    if summary["files"] != count or summary["errors"]:
        raise SystemExit(f"expected {count} files linted without errors, got {summary}")
    return elapsed, cpu, result.stdout


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    root = Path(__file__).resolve().parents[1]
    env_path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = f"{root}{os.pathsep}{env_path}" if env_path else str(root)
    with tempfile.TemporaryDirectory(prefix="newslint-many-") as name:
        top = Path(name)
        size = write_repository(top, args.articles)
        print(f"{args.articles} articles, {size / 1e6:.1f} M characters, cores available: {os.cpu_count()}")
        print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
              "(other processes on the machine make wall times longer)")
        times = {}
        reports = {}
        for jobs in (1, args.jobs):
            runs = [time_check(top, jobs, args.articles) for _ in range(args.runs)]
            times[jobs] = statistics.median(t for t, _, _ in runs)
            cpu = statistics.median(c for _, c, _ in runs)
            reports[jobs] = runs[0][2]
            findings = json.loads(runs[0][2])["summary"]["findings"]
            print(f"--jobs {jobs}: {times[jobs]:.2f} s wall, {cpu:.2f} s CPU (median of {args.runs}), "
                  f"{findings} findings")
        assert reports[1] == reports[args.jobs], "parallel report differs from the serial one"
        print(f"speed-up with --jobs {args.jobs}: {times[1] / times[args.jobs]:.2f}x; reports identical")


if __name__ == "__main__":
    main()
