-module(proc_bif_reductions).
-export([main/0]).
%% A process doing long BIF work does not starve another one.
main() ->
    Self = self(),
    spawn(fun() -> [begin _ = lists:reverse(lists:seq(1, 200000)), erlang:yield() end || _ <- lists:seq(1, 20)], Self ! busy_done end),
    spawn(fun() -> Self ! quick_done end),
    erlang:display([receive M -> M end || _ <- [1, 2]]),
    erlang:display(erlang:yield()),
    erlang:display(erlang:bump_reductions(100000)),
    ok.
