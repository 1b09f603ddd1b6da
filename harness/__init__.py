"""What the tests and the benchmark both run: the app served on loopback, the documented nginx
deployment in front of replicas, Chromium's settings, process statistics, the soak's round of
actions and synthetic datasets. Neither tests/ nor bench/ imports the other; both import this."""
