-module(proc_timers).
-export([main/0]).

%% send_after, start_timer, cancel/read_timer, receive after, ordering.
main() ->
    T1 = erlang:send_after(30, self(), first),
    T2 = erlang:start_timer(10, self(), second),
    erlang:display(is_integer(erlang:read_timer(T1))),
    erlang:display(receive M1 -> element(1, M1) end),
    erlang:display(receive M2 -> M2 end),
    erlang:display(erlang:read_timer(T2)),
    T3 = erlang:send_after(1000, self(), never),
    erlang:display(is_integer(erlang:cancel_timer(T3))),
    erlang:display(erlang:cancel_timer(T3)),
    erlang:display(receive never -> came after 20 -> cancelled end),
    Self = self(),
    [spawn(fun() -> receive after N * 25 -> Self ! {tick, N} end end) || N <- [4, 1, 3, 2]],
    erlang:display([receive {tick, N} -> N end || _ <- [1, 2, 3, 4]]),
    register(me, self()),
    erlang:send_after(5, me, by_name),
    erlang:display(receive by_name -> by_name after 1000 -> none end),
    erlang:display(try erlang:send_after(-1, self(), x) catch C:E -> {C, E} end),
    ok.
