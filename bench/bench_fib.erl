%% Naive doubly recursive Fibonacci: body recursion and small-integer
%% arithmetic, nothing allocated on the heap.
-module(bench_fib).
-export([main/0]).

-define(N, 32).
-define(ROUNDS, 56).

main() ->
	_ = run(1, 20),
	T0 = erlang:monotonic_time(microsecond),
	R = run(?ROUNDS, ?N),
	T1 = erlang:monotonic_time(microsecond),
	erlang:display({result, R}),
	erlang:display({time_us, T1 - T0}).

%% Sum of fib(N), fib(N-1), ... so that no round can be skipped.
run(0, _N) -> 0;
run(Rounds, N) -> fib(N - (Rounds rem 2)) + run(Rounds - 1, N).

fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).
