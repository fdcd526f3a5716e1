-module(gc_large_heap).
-export([main/0]).
%% A process whose heap grows past 64 MB: its heap blocks then come from
%% platform regions (kbeam.ko's memory regions when the module is used,
%% anonymous mappings without), through many collections, and go back.

main() ->
    Self = self(),
    spawn(fun() -> Self ! {big, work(5000000)} end),
    erlang:display(receive {big, R} -> R end),
    %% again in this process, and its heap shrinks after
    erlang:display(work(3000000)),
    garbage_collect(),
    {heap_size, H} = process_info(self(), heap_size),
    erlang:display({heap_shrank, H < 1000000}).

work(N) ->
    L = lists:seq(1, N),
    T = list_to_tuple(L),
    R = lists:reverse(L),
    {heap_grew, HS} = {heap_grew, element(2, process_info(self(), total_heap_size))},
    {lists:sum(R), tuple_size(T), element(N, T), hd(R), HS > 8000000}.
