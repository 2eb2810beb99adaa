"""The customer report: plain values from a Plan, figures as primitives, HTML via jinja2.

Nothing here imports Qt; ``planner.render`` paints the figures and prints the PDF.
"""
