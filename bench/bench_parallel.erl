%% An all-cores workload: as many worker processes as schedulers, each
%% computing Fibonacci numbers on its own, so the time falls with more
%% schedulers (compare kbeam +S 1 and +S 2).
-module(bench_parallel).
-export([main/0]).

-define(WORKERS, 8).
-define(N, 27).
-define(ROUNDS, 72).

main() ->
	_ = run(2, 15, 1),
	T0 = erlang:monotonic_time(microsecond),
	R = run(?WORKERS, ?N, ?ROUNDS),
	T1 = erlang:monotonic_time(microsecond),
	erlang:display({result, R}),
	erlang:display({time_us, T1 - T0}).

run(Workers, N, Rounds) ->
	Self = self(),
	[spawn(fun() -> Self ! {done, work(N, Rounds, 0)} end) || _ <- lists:seq(1, Workers)],
	lists:sum([receive {done, V} -> V end || _ <- lists:seq(1, Workers)]).

work(_N, 0, Acc) -> Acc;
work(N, Rounds, Acc) -> work(N, Rounds - 1, Acc + fib(N)).

fib(0) -> 0;
fib(1) -> 1;
fib(K) -> fib(K - 1) + fib(K - 2).
