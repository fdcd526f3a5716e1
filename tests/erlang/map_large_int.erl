-module(map_large_int).
-export([main/0]).

main() ->
    M = maps:from_list([{I, I * 3} || I <- lists:seq(1, 1000)]),
    erlang:display(map_size(M)),
    erlang:display(maps:get(500, M)),
    erlang:display(maps:get(1000, M)),
    erlang:display(maps:find(1001, M)),
    erlang:display(lists:sum(maps:values(M))),
    erlang:display(lists:sum(maps:keys(M))),
    erlang:display(lists:sublist(lists:sort(maps:keys(M)), 5)),
    M2 = maps:filter(fun(K, _) -> K rem 10 =:= 0 end, M),
    erlang:display(map_size(M2)),
    erlang:display(lists:sort(maps:to_list(M2)) =:= [{K, K * 3} || K <- lists:seq(10, 1000, 10)]),
    M3 = lists:foldl(fun(K, Acc) -> maps:remove(K, Acc) end, M, lists:seq(1, 1000, 2)),
    erlang:display(map_size(M3)),
    erlang:display(maps:is_key(1, M3)),
    erlang:display(maps:is_key(2, M3)),
    M4 = maps:merge(M3, maps:from_list([{K, new} || K <- lists:seq(1, 1000, 2)])),
    erlang:display({map_size(M4), maps:get(1, M4), maps:get(2, M4)}),
    erlang:display(M =:= maps:from_list(lists:reverse(maps:to_list(M)))),
    erlang:display(erlang:phash2(M)),
    erlang:display(M2),
    Neg = maps:from_list([{-I, I} || I <- lists:seq(1, 100)] ++ [{I bsl 60, I} || I <- lists:seq(1, 50)]),
    erlang:display(Neg),
    erlang:display(maps:to_list(maps:from_list([{I, x} || I <- lists:seq(1, 40)]))),
    ok.
