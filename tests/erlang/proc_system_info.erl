-module(proc_system_info).
-export([main/0]).
%% system_info, statistics and spawn_opt/process_info items about
%% schedulers and processes, printed in ways that do not depend on the
%% machine or the number of schedulers.

main() ->
    S = erlang:system_info(schedulers),
    erlang:display({schedulers, is_integer(S), S >= 1, erlang:system_info(schedulers_online) =:= S}),
    erlang:display({logical_processors, erlang:system_info(logical_processors) >= 1,
                    erlang:system_info(logical_processors_available) >= 1}),
    Id = erlang:system_info(scheduler_id),
    erlang:display({scheduler_id, Id >= 1 andalso Id =< S}),
    erlang:display({bind_type, is_atom(erlang:system_info(scheduler_bind_type))}),
    erlang:display({heap_type, erlang:system_info(heap_type)}),
    erlang:display({atom_count, erlang:system_info(atom_count) > 100}),
    erlang:display({port_count, is_integer(erlang:system_info(port_count))}),
    erlang:display([{K, erlang:system_info(K)} || K <- [emu_flavor, otp_release, wordsize, context_reductions, smp_support, threads]]),
    erlang:display({process_limit, is_integer(erlang:system_info(process_limit))}),
    %% statistics
    %% one per run queue (OTP counts its dirty schedulers' queues too)
    erlang:display({run_queue_lengths, lists:all(fun is_integer/1, erlang:statistics(run_queue_lengths)),
                    length(erlang:statistics(run_queue_lengths)) >= S}),
    erlang:display({active_tasks, length(erlang:statistics(active_tasks)) >= S,
                    lists:sum(erlang:statistics(active_tasks)) >= 1}),
    erlang:display({total_active_tasks, erlang:statistics(total_active_tasks) >= 1,
                    erlang:statistics(total_active_tasks_all) >= 1}),
    erlang:display({total_run_queue_lengths, is_integer(erlang:statistics(total_run_queue_lengths)),
                    is_integer(erlang:statistics(total_run_queue_lengths_all))}),
    %% exact_reductions counts the running slice, reductions does not
    {R1, _} = erlang:statistics(exact_reductions),
    _ = lists:seq(1, 1000),
    {R2, Since} = erlang:statistics(exact_reductions),
    erlang:display({exact_reductions, is_integer(R1), R2 >= R1, Since >= 0}),
    {T1, _} = erlang:statistics(reductions),
    erlang:display({reductions, is_integer(T1)}),
    {CS, 0} = erlang:statistics(context_switches),
    erlang:display({context_switches, is_integer(CS)}),
    erlang:display({scheduler_wall_time, erlang:statistics(scheduler_wall_time)}),
    %% spawn_opt options, read back
    P = spawn_opt(fun() -> receive stop -> ok end end,
                  [{message_queue_data, off_heap}, {priority, low}, {min_heap_size, 1000},
                   {fullsweep_after, 10}]),
    erlang:display(process_info(P, [message_queue_data, priority, min_heap_size, heap_size, error_handler])),
    {garbage_collection, GC} = process_info(P, garbage_collection),
    erlang:display({fullsweep_after, proplists:get_value(fullsweep_after, GC)}),
    P ! stop,
    Q = spawn_opt(fun() -> receive stop -> ok end end, [{message_queue_data, on_heap}]),
    erlang:display(process_info(Q, message_queue_data)),
    Q ! stop,
    erlang:display(process_flag(message_queue_data, off_heap)),
    erlang:display(process_flag(message_queue_data, on_heap)),
    erlang:display(error_of(fun() -> process_flag(message_queue_data, sideways) end)),
    erlang:display(error_of(fun() -> spawn_opt(fun() -> ok end, [{message_queue_data, sideways}]) end)),
    ok.

%% The reason and the error_info of the failing BIF's frame.
error_of(F) ->
    try F() of
        V -> {returned, V}
    catch
        error:R:St ->
            [{_, _, _, Info} | _] = St,
            {R, proplists:get_value(error_info, Info)}
    end.
