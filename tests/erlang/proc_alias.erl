-module(proc_alias).
-export([main/0]).

%% Process aliases: alias/0,1, unalias/1, monitor/3 with {alias, Mode}.
main() ->
    A = alias(),
    Self = self(),
    spawn(fun() -> A ! {via_alias, 1} end),
    erlang:display(receive {via_alias, N} -> {got, N} after 1000 -> none end),
    erlang:display(unalias(A)),
    erlang:display(unalias(A)),
    spawn(fun() -> A ! {via_alias, 2}, Self ! sent end),
    receive sent -> ok end,
    erlang:display(receive {via_alias, _} -> leaked after 20 -> dropped end),
    R = alias([reply]),
    spawn(fun() -> R ! first, R ! second, Self ! sent2 end),
    receive sent2 -> ok end,
    erlang:display([receive M -> M after 20 -> none end || _ <- [1, 2]]),
    Server = spawn(fun() -> receive {req, From} -> From ! {reply, 42}, From ! {reply, 43} end end),
    Mref = monitor(process, Server, [{alias, reply_demonitor}]),
    Server ! {req, Mref},
    erlang:display(receive {reply, V} -> V after 1000 -> none end),
    erlang:display(receive {reply, V2} -> {second, V2} after 50 -> no_second end),
    erlang:display(receive {'DOWN', Mref, _, _, _} -> down after 50 -> no_down end),
    W = spawn(fun() -> receive after infinity -> ok end end),
    M2 = monitor(process, W, [{alias, demonitor}]),
    erlang:display(demonitor(M2, [info])),
    W ! x,
    spawn(fun() -> M2 ! after_demonitor, Self ! sent3 end),
    receive sent3 -> ok end,
    erlang:display(receive after_demonitor -> leaked after 20 -> dropped end),
    exit(W, kill),
    erlang:display(try alias([bad]) catch C:E -> {C, E} end),
    ok.
