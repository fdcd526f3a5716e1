%% Spawning: 200,000 processes that each wait for one message, then are
%% told to finish and report back. Process creation, scheduling, exit.
-module(bench_spawn).
-export([main/0, run/1]).

-define(N, 200000).

main() ->
	_ = run(1000),
	T0 = erlang:monotonic_time(microsecond),
	R = run(?N),
	T1 = erlang:monotonic_time(microsecond),
	erlang:display({result, R}),
	erlang:display({time_us, T1 - T0}).

run(N) ->
	Self = self(),
	Pids = [spawn(fun() -> receive {go, K} -> Self ! {done, K * 2} end end)
		|| _ <- lists:seq(1, N)],
	lists:foldl(fun(P, K) -> P ! {go, K}, K + 1 end, 1, Pids),
	collect(N, 0).

collect(0, Sum) -> Sum;
collect(N, Sum) -> receive {done, V} -> collect(N - 1, Sum + V) end.
