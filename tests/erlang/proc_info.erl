-module(proc_info).
-export([main/0, idle/0]).

idle() -> receive stop -> ok end.

%% process_info items, process flags, priorities, statistics shapes.
main() ->
    P = spawn(?MODULE, idle, []),
    register(idler, P),
    link(P),
    P ! hello,
    receive after 20 -> ok end,
    Items = [registered_name, status, message_queue_len, messages, links, trap_exit,
             priority, initial_call, current_function, dictionary],
    [erlang:display(Item =:= links orelse true) || Item <- []],
    Info = process_info(P, Items),
    erlang:display([{K, case K of links -> length(V); _ -> V end} || {K, V} <- Info]),
    erlang:display(process_info(P, registered_name)),
    erlang:display(process_info(self(), current_function)),
    erlang:display(process_info(self(), registered_name)),
    erlang:display(lists:sort([K || {K, _} <- process_info(P)])),
    erlang:display([is_integer(V) || {K, V} <- process_info(P), lists:member(K, [heap_size, total_heap_size, stack_size, reductions])]),
    erlang:display(process_flag(priority, high)),
    erlang:display(process_flag(priority, normal)),
    erlang:display(process_flag(trap_exit, true)),
    erlang:display(process_flag(trap_exit, false)),
    erlang:display(try process_flag(priority, urgent) catch C:E -> {C, E} end),
    %% priorities given at spawn (the order they run in depends on how
    %% many schedulers there are, so it is not printed)
    Self = self(),
    Low = spawn_opt(fun() -> receive go -> Self ! low end end, [{priority, low}]),
    Normal = spawn_opt(fun() -> receive go -> Self ! normal end end, [{priority, normal}]),
    High = spawn_opt(fun() -> receive go -> Self ! high end end, [{priority, high}]),
    erlang:display([element(2, process_info(X, priority)) || X <- [Low, Normal, High]]),
    [X ! go || X <- [Low, Normal, High]],
    erlang:display(lists:sort([receive M -> M end || _ <- [1, 2, 3]])),
    {R1, _} = statistics(reductions),
    erlang:display({is_integer(R1), R1 > 0}),
    {W, _} = statistics(wall_clock),
    erlang:display(is_integer(W)),
    erlang:display(is_integer(statistics(run_queue))),
    {G, Rec, 0} = statistics(garbage_collection),
    erlang:display({is_integer(G), is_integer(Rec)}),
    erlang:display(is_pid(group_leader())),
    erlang:display(erlang:garbage_collect(P)),
    erlang:display(process_info(P, message_queue_len)),
    unlink(P),
    P ! stop,
    receive after 20 -> ok end,
    erlang:display(process_info(P, status)),
    erlang:display(whereis(idler)),
    ok.
