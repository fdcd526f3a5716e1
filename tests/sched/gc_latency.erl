%% A process with a heap of about 500 MB collects its garbage while a
%% ping-pong pair on another scheduler keeps bouncing a message: the
%% pair's worst round trip stays short, since a collection stops only the
%% process that collects. Prints {max_round_trip_us, N} and the heap size.
-module(gc_latency).
-export([main/0]).

main() ->
    Self = self(),
    Pong = spawn(fun pong/0),
    Ping = spawn(fun() -> ping(Pong, 0, 0, Self) end),
    Big = spawn(fun() -> big(Self) end),
    Words = receive {big_done, W} -> W end,
    Ping ! stop,
    Max = receive {max_us, M, Trips} -> {M, Trips} end,
    Pong ! stop,
    exit(Big, kill),
    erlang:display({heap_words, Words}),
    erlang:display({max_round_trip_us, element(1, Max)}),
    erlang:display({round_trips, element(2, Max)}),
    ok.

big(Parent) ->
    L = lists:seq(1, 30000000),            % 30M cells: 480 MB of heap
    {heap_size, _} = process_info(self(), heap_size),
    T0 = erlang:monotonic_time(millisecond),
    true = erlang:garbage_collect(),
    T1 = erlang:monotonic_time(millisecond),
    {total_heap_size, W} = process_info(self(), total_heap_size),
    Parent ! {big_done, {W, length(L), gc_ms, T1 - T0}},
    receive after infinity -> ok end.

ping(Pong, Max, Trips, Parent) ->
    T0 = erlang:monotonic_time(microsecond),
    Pong ! {self(), ping},
    receive pong -> ok end,
    Dt = erlang:monotonic_time(microsecond) - T0,
    receive
        stop -> Parent ! {max_us, max(Max, Dt), Trips + 1}
    after 1 ->
        ping(Pong, max(Max, Dt), Trips + 1, Parent)
    end.

pong() ->
    receive
        {From, ping} -> From ! pong, pong();
        stop -> ok
    end.
