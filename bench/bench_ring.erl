%% A ring of 1,000 processes passing a token a million hops: message
%% passing and context switches.
-module(bench_ring).
-export([main/0]).

-define(PROCS, 1000).
-define(HOPS, 1000000).

main() ->
	_ = run(100, 10000),
	T0 = erlang:monotonic_time(microsecond),
	R = run(?PROCS, ?HOPS),
	T1 = erlang:monotonic_time(microsecond),
	erlang:display({result, R}),
	erlang:display({time_us, T1 - T0}).

run(Procs, Hops) ->
	Self = self(),
	First = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end,
			    Self, lists:seq(1, Procs)),
	First ! {token, Hops},
	wait(First, 0).

wait(First, Seen) ->
	receive
		{token, 0} -> Seen;
		{token, K} -> First ! {token, K - 1}, wait(First, Seen + 1)
	end.

relay(Next) ->
	receive
		{token, 0} -> Next ! {token, 0};
		{token, K} -> Next ! {token, K - 1}, relay(Next)
	end.
