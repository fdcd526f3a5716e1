%% Two processes bouncing a message 500,000 times each way, with a small
%% payload: round-trip cost of send and receive.
-module(bench_pingpong).
-export([main/0]).

-define(ROUNDS, 500000).

main() ->
	_ = run(1000),
	T0 = erlang:monotonic_time(microsecond),
	R = run(?ROUNDS),
	T1 = erlang:monotonic_time(microsecond),
	erlang:display({result, R}),
	erlang:display({time_us, T1 - T0}).

run(N) ->
	Pong = spawn(fun pong/0),
	R = ping(Pong, N, 0),
	Pong ! stop,
	R.

ping(_Pong, 0, Acc) -> Acc;
ping(Pong, N, Acc) ->
	Pong ! {self(), {ping, N}},
	receive {pong, V} -> ping(Pong, N - 1, (Acc + V) band 16#FFFFFFF) end.

pong() ->
	receive
		{From, {ping, N}} -> From ! {pong, N * 3}, pong();
		stop -> ok
	end.
