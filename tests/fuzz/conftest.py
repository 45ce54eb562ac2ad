# The fuzz scripts run for minutes: never part of the default test run (see README.md here).
collect_ignore_glob = ["*.py"]
