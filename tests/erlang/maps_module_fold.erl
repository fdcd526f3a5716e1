-module(maps_module_fold).
-export([main/0]).

main() ->
    M = maps:from_list([{I, I * I} || I <- lists:seq(1, 20)]),
    erlang:display(maps:fold(fun(K, V, Acc) -> Acc + K + V end, 0, M)),
    erlang:display(lists:sort(maps:fold(fun(K, _, Acc) -> [K | Acc] end, [], M))),
    erlang:display(maps:map(fun(K, V) -> V - K end, #{1 => 10, 2 => 20, 3 => 30})),
    erlang:display(maps:filter(fun(K, _) -> K rem 5 =:= 0 end, M)),
    erlang:display(maps:filtermap(fun(K, V) when K rem 4 =:= 0 -> {true, V div 4}; (K, _) -> K =:= 1 end, M)),
    erlang:display(maps:foreach(fun(K, V) -> put({seen, K}, V) end, #{a => 1, b => 2})),
    erlang:display(lists:sort([{K, V} || {{seen, K}, V} <- get()])),
    Words = string:lexemes("the quick brown fox jumps over the lazy dog the end", " "),
    Freq = lists:foldl(fun(W, Acc) -> maps:update_with(W, fun(C) -> C + 1 end, 1, Acc) end, #{}, Words),
    erlang:display(lists:sort(maps:to_list(Freq))),
    erlang:display(maps:fold(fun(_, V, Acc) -> max(V, Acc) end, 0, Freq)),
    Inverted = maps:fold(fun(K, V, Acc) -> maps:update_with(V, fun(L) -> lists:sort([K | L]) end, [K], Acc) end, #{}, Freq),
    erlang:display(Inverted),
    ok.
