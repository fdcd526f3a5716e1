-module(proc_timer_wheel).
-export([main/0]).
%% Many timers at once: they fire in deadline order, cancelled ones never
%% fire, read_timer and cancel_timer see the time left, far timers (beyond
%% the wheel's levels) and receive timeouts mixed with them all work.

main() ->
    Self = self(),
    %% 3000 timers over 300..450 ms (made well before the first is due,
    %% even on a slow build); every third cancelled at once
    T0 = now_us(),
    Timers = [{I, Ms, erlang:send_after(Ms, Self, {t, Ms, I})}
              || I <- lists:seq(1, 3000), Ms <- [300 + (I * 7919) rem 150]],
    Span = now_us() - T0,
    {Cancel0, Keep} = lists:partition(fun({I, _, _}) -> I rem 3 =:= 0 end, Timers),
    Cancel = [{Ms, R} || {_, Ms, R} <- Cancel0],
    Left = [erlang:cancel_timer(R) || {_, R} <- Cancel],
    erlang:display({cancelled_all, lists:all(fun is_integer/1, Left)}),
    erlang:display({read_cancelled, lists:usort([erlang:read_timer(R) || {_, R} <- Cancel])}),
    Got = [receive {t, Ms, _} -> Ms * 1000 end || _ <- Keep],
    erlang:display({fired, length(Got), length(Keep)}),
    %% in the order of their deadlines: each is its time plus when it was
    %% set, somewhere in the Span it took to set them all (and OTP's timers
    %% have millisecond ticks, so two within a couple of milliseconds may
    %% come either way)
    erlang:display({in_deadline_order, in_order(Got, Span + 2000)}),
    erlang:display({none_cancelled_fired, receive {t, _, _} -> false after 200 -> true end}),
    %% far timers: hours and days away
    Far = [erlang:start_timer(Ms, Self, far) || Ms <- [60000, 3600000, 86400000, 4000000000]],
    Reads = [erlang:read_timer(R) || R <- Far],
    erlang:display({far_read, [L > Ms - 1000 andalso L =< Ms
                               || {L, Ms} <- lists:zip(Reads, [60000, 3600000, 86400000, 4000000000])]}),
    erlang:display({far_cancel, [is_integer(erlang:cancel_timer(R)) || R <- Far]}),
    %% receive timeouts of several processes with timers between them
    %% (each waiter says it is about to wait; the deadlines are 50 ms
    %% apart, more than a loaded machine takes to start them all)
    Waiters = [spawn(fun() -> Self ! {ready, self()},
                              receive never -> ok after Ms -> Self ! {waited, Ms} end
                     end)
               || Ms <- [600, 200, 400, 100, 500, 300]],
    [receive {ready, W} -> ok end || W <- Waiters],
    erlang:send_after(250, Self, {waited, timer250}),
    erlang:display({waits, [receive {waited, X} -> X end || _ <- lists:seq(1, 7)]}),
    %% a timer to a registered name, and to a name that is gone
    register(timer_target, self()),
    erlang:send_after(5, timer_target, by_name),
    erlang:display(receive by_name -> by_name after 1000 -> missing end),
    unregister(timer_target),
    erlang:send_after(5, timer_target, lost),
    erlang:display(receive lost -> lost after 50 -> dropped end),
    ok.

in_order([A, B | T], Slack) when B >= A - Slack -> in_order([B | T], Slack);
in_order([_, _ | _], _) -> false;
in_order(_, _) -> true.

now_us() -> erlang:monotonic_time(microsecond).
