-module(timer_precision).
-export([main/0]).
%% How late receive ... after, erlang:send_after and start_timer fire:
%% each timeout of 1 to 20 ms is waited for many times; the lateness is
%% the time waited minus the timeout, in microseconds. Prints the
%% earliest (negative: fired early), the median and the 90th percentile.

main() ->
    Late = lists:append([waits(Ms) || Ms <- [1, 2, 3, 5, 10, 20], _ <- lists:seq(1, 20)]),
    Sorted = lists:sort(Late),
    N = length(Sorted),
    erlang:display({samples, N}),
    erlang:display({min_late_us, hd(Sorted)}),
    erlang:display({median_late_us, lists:nth(N div 2, Sorted)}),
    erlang:display({p90_late_us, lists:nth(N * 9 div 10, Sorted)}).

%% One wait of each kind.
waits(Ms) ->
    T0 = now_us(),
    receive never -> ok after Ms -> ok end,
    A = now_us() - T0 - Ms * 1000,
    T1 = now_us(),
    erlang:send_after(Ms, self(), ping),
    receive ping -> ok end,
    B = now_us() - T1 - Ms * 1000,
    T2 = now_us(),
    Ref = erlang:start_timer(Ms, self(), pong),
    receive {timeout, Ref, pong} -> ok end,
    C = now_us() - T2 - Ms * 1000,
    [A, B, C].

now_us() -> erlang:monotonic_time(microsecond).
