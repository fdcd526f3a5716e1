-module(proc_stress_signals).
-export([main/0]).
%% Thousands of processes linking, monitoring, crashing and being started
%% again, round after round: no message or signal is lost, each sender's
%% messages come before its 'DOWN' and 'EXIT', and the process count and
%% memory come back to where they started.

-define(PAIRS, 1000).
-define(MSGS, 10).
-define(ROUNDS, 5).

main() ->
    process_flag(trap_exit, true),
    garbage_collect(),
    Count0 = erlang:system_info(process_count),
    Mem0 = erlang:memory(processes),
    Results = [one_round(R) || R <- lists:seq(1, ?ROUNDS)],
    erlang:display([Result || {Result, _} <- Results]),
    Peak = lists:max([Mem || {_, Mem} <- Results]),
    garbage_collect(),
    Mem1 = erlang:memory(processes),
    erlang:display({process_count_back, erlang:system_info(process_count) =:= Count0}),
    %% what the workers held has gone back (OTP's allocators keep some of
    %% it cached, so not all of it)
    erlang:display({memory_back, Mem1 - Mem0 < (Peak - Mem0) div 2}).

%% Each pair: Even waits for Odd to link to it, sends ?MSGS messages and
%% crashes; Odd sends its messages and dies of the link. The main process
%% is linked to and monitors both.
one_round(R) ->
    Self = self(),
    Workers = lists:append([start_pair(Self, R, I) || I <- lists:seq(1, ?PAIRS)]),
    Mem = erlang:memory(processes),
    Expect = length(Workers),
    State = collect(#{}, Expect * 2),
    Evens = [Id || {Id, even} <- Workers],
    Odds = [Id || {Id, odd} <- Workers],
    EvenMsgs = lists:sum([maps:get({msgs, Id}, State, 0) || Id <- Evens]),
    OddOk = lists:all(fun(Id) -> maps:get({msgs, Id}, State, 0) =< ?MSGS end, Odds),
    Reasons = lists:usort([Why || {{down, _}, Why} <- maps:to_list(State)]),
    {{round, R,
     {downs, maps:get(downs, State, 0)}, {exits, maps:get(exits, State, 0)},
     {even_msgs, EvenMsgs}, {odd_msgs_within_bounds, OddOk},
     {late_messages, maps:get(late, State, 0)},
     {reasons, Reasons}}, Mem}.

start_pair(Self, R, I) ->
    Id = {R, I},
    Even = spawn_opt(fun() -> even(Self, Id) end, [link, monitor]),
    {EvenPid, _} = Even,
    OddId = {R, I, odd},
    _ = spawn_opt(fun() -> odd(Self, OddId, EvenPid) end, [link, monitor]),
    [{Id, even}, {OddId, odd}].

even(Self, Id) ->
    receive linked -> ok end,
    send_all(Self, Id, ?MSGS),
    exit({crash, Id}).

odd(Self, Id, Even) ->
    link(Even),
    Even ! linked,
    send_all(Self, Id, ?MSGS),
    receive never -> ok end.

send_all(_, _, 0) -> ok;
send_all(Self, Id, N) ->
    Self ! {msg, self(), Id},
    send_all(Self, Id, N - 1).

%% Every message, 'DOWN' and 'EXIT' of the round, counted per sender; a
%% message from a process after its 'DOWN' or 'EXIT' is a late one.
collect(State, 0) -> State;
collect(State, Left) ->
    receive
        {msg, Pid, Id} ->
            Late = maps:is_key({dead, Pid}, State),
            S1 = maps:update_with({msgs, Id}, fun(N) -> N + 1 end, 1, State),
            S2 = case Late of
                     true -> maps:update_with(late, fun(N) -> N + 1 end, 1, S1);
                     false -> S1
                 end,
            collect(S2, Left);
        {'DOWN', _, process, Pid, Why} ->
            S1 = maps:update_with(downs, fun(N) -> N + 1 end, 1, State),
            collect(S1#{{dead, Pid} => true, {down, Pid} => reason(Why)}, Left - 1);
        {'EXIT', Pid, _Why} ->
            S1 = maps:update_with(exits, fun(N) -> N + 1 end, 1, State),
            collect(S1#{{dead, Pid} => true}, Left - 1)
    after 10000 ->
        State#{timeout => Left}
    end.

reason({crash, _}) -> crash;
reason(Other) -> Other.
