"""The planner core: every decision, no Qt."""
