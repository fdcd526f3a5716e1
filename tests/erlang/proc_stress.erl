-module(proc_stress).
-export([main/0]).

%% Thousands of processes linking, monitoring, crashing and being
%% restarted by supervisors; every death is seen exactly once, no message
%% is lost, and process memory returns to where it started.
main() ->
    process_flag(trap_exit, true),
    M0 = erlang:memory(processes),
    C0 = erlang:system_info(process_count),
    Self = self(),
    Sups = [spawn_link(fun() -> supervisor(Self, S) end) || S <- lists:seq(1, 20)],
    Results = [receive {sup_done, S, R} -> {S, R} end || S <- lists:seq(1, 20)],
    erlang:display(lists:sort(Results)),
    [receive {'EXIT', P, normal} -> ok end || P <- Sups],
    timer_wait(50),
    C1 = erlang:system_info(process_count),
    M1 = erlang:memory(processes),
    erlang:display({process_count_back, C1 =:= C0}),
    %% 11,000 processes came and went: a leak of even a tenth would show
    erlang:display({memory_back, M1 - M0 < 2000000}),
    ok.

%% Starts 50 workers; each crash is restarted until 10 restarts each.
supervisor(Parent, S) ->
    process_flag(trap_exit, true),
    Workers = maps:from_list([{start_worker(S, W), {W, 0}} || W <- lists:seq(1, 50)]),
    Stats = loop(S, Workers, #{deaths => 0, downs => 0, msgs => 0}),
    Parent ! {sup_done, S, Stats}.

start_worker(S, W) ->
    Me = self(),
    Pid = spawn_link(fun() -> worker(Me, S, W) end),
    _ = monitor(process, Pid),
    Pid.

worker(Sup, S, W) ->
    Sup ! {hello, self(), S * 1000 + W},
    receive
        crash -> exit({crashed, W});
        stop -> ok
    end.

%% done when every worker is gone and its 'DOWN' was seen too
loop(_S, Workers, Stats = #{deaths := D, downs := D}) when map_size(Workers) =:= 0 -> Stats;
loop(S, Workers, Stats = #{deaths := D, downs := Dn, msgs := M}) ->
    receive
        {hello, Pid, _Tag} ->
            case maps:get(Pid, Workers) of
                {_W, N} when N < 10 -> Pid ! crash;
                _ -> Pid ! stop
            end,
            loop(S, Workers, Stats#{msgs := M + 1});
        {'EXIT', Pid, Reason} ->
            {W, N} = maps:get(Pid, Workers),
            W2 = maps:remove(Pid, Workers),
            W3 = case Reason of
                     {crashed, W} -> W2#{start_worker(S, W) => {W, N + 1}};
                     normal -> W2
                 end,
            loop(S, W3, Stats#{deaths := D + 1});
        {'DOWN', _Ref, process, _Pid, _Why} ->
            loop(S, Workers, Stats#{downs := Dn + 1})
    end.

timer_wait(Ms) -> receive after Ms -> ok end.
