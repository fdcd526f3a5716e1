-module(million).
-export([main/0]).
%% A million processes waiting in receive (run with +P 2000000): prints
%% whether they all exist and erlang:memory(processes) divided by the
%% number of processes.

-define(N, 1000000).

main() ->
    Pids = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, ?N)],
    Count = erlang:system_info(process_count),
    erlang:display({processes, Count >= ?N}),
    erlang:display({bytes_per_process, erlang:memory(processes) div Count}),
    %% they are still alive here: the list keeps them referenced
    erlang:display({last_alive, is_process_alive(lists:last(Pids))}).
