"""The problem's jobs as a graph: what each waits for, the exit with the least work in front
of it, and a part of the problem planned on its own (the exit chains, a chain's tail)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import networkx as nx

from planner.core.scheduler.problem import Judged, Problem

__all__ = ["ancestors", "easiest_exit", "job_graph", "sub_problem"]


def job_graph(problem: Problem) -> nx.DiGraph:
    """The jobs (by index, added in index order) with an edge from each predecessor to the
    job that waits for it; built once per job list (a dependency on a step outside the
    problem is left out)."""
    if problem.graph_of is not None and problem.graph_of[0] is problem.jobs:
        return problem.graph_of[1]
    graph = nx.DiGraph()
    graph.add_nodes_from(range(len(problem.jobs)))
    graph.add_edges_from((problem.by_id[dep.step_id], job.index) for job in problem.jobs
                         for dep in job.step.predecessors if dep.step_id in problem.by_id)
    problem.graph_of = (problem.jobs, graph)
    return graph


def ancestors(problem: Problem, job: int) -> set[int]:
    """A job and everything it waits for, transitively."""
    return {job, *nx.ancestors(job_graph(problem), job)}


def easiest_exit(problem: Problem, judged: Judged) -> int:
    """The exit step with the least consultant work in front of it (one exit suffices)."""
    def work(e: int) -> tuple[int, int]:
        return sum(problem.jobs[k].fastest_days for k in ancestors(problem, e)
                   if problem.jobs[k].uses_consultant), e
    if judged.exit_jobs not in problem.easiest:  # asked by every priority rule and bound
        problem.easiest[judged.exit_jobs] = min(judged.exit_jobs, key=work)
    return problem.easiest[judged.exit_jobs]


def sub_problem(problem: Problem, keep: Iterable[int]) -> tuple[Problem, list[int]]:
    """These jobs as a problem of their own (closed under predecessors), and per new index
    the job's index in ``problem``. Judged servers keep the exits that are among them."""
    olds = sorted(keep)
    new = {old: n for n, old in enumerate(olds)}
    jobs = [replace(problem.jobs[old], index=n) for n, old in enumerate(olds)]
    judged = [replace(j, exit_jobs=tuple(new[e] for e in j.exit_jobs if e in new))
              for j in problem.judged]
    sub = replace(problem, jobs=jobs, by_id={j.step.id: j.index for j in jobs},
                  judged=judged, easiest={}, snapped=[])
    return sub, olds
