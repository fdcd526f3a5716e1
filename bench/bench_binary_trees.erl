%% The benchmarks-game binary trees, in one process: build many complete
%% trees of tuples, walk them, drop them. Measures allocation and GC.
-module(bench_binary_trees).
-export([main/0]).

-define(MAX_DEPTH, 18).
-define(MIN_DEPTH, 4).

main() ->
	_ = run(8),
	T0 = erlang:monotonic_time(microsecond),
	R = run(?MAX_DEPTH),
	T1 = erlang:monotonic_time(microsecond),
	erlang:display({result, R}),
	erlang:display({time_us, T1 - T0}).

%% The checks of the benchmark's output lines, in order: the stretch tree,
%% each depth's iterations and total check, then the long-lived tree.
run(MaxDepth) ->
	Stretch = check(make(MaxDepth + 1)),
	LongLived = make(MaxDepth),
	Depths = [{1 bsl (MaxDepth - D + ?MIN_DEPTH), D,
		   iterate(1 bsl (MaxDepth - D + ?MIN_DEPTH), D, 0)}
		  || D <- lists:seq(?MIN_DEPTH, MaxDepth, 2)],
	{Stretch, Depths, check(LongLived)}.

iterate(0, _Depth, Sum) -> Sum;
iterate(N, Depth, Sum) -> iterate(N - 1, Depth, Sum + check(make(Depth))).

make(0) -> {nil, nil};
make(D) -> {make(D - 1), make(D - 1)}.

check({nil, _}) -> 1;
check({L, R}) -> 1 + check(L) + check(R).
