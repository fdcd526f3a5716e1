%% bench-flags: +P 2000000
%% Spawning: bench_spawn's program with 1,000,000 processes alive at once
%% (each waits for one message, then is told to finish and report back).
-module(bench_spawn_1m).
-export([main/0]).

main() ->
	_ = bench_spawn:run(1000),
	T0 = erlang:monotonic_time(microsecond),
	R = bench_spawn:run(1000000),
	T1 = erlang:monotonic_time(microsecond),
	erlang:display({result, R}),
	erlang:display({time_us, T1 - T0}).
