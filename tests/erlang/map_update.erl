-module(map_update).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    M0 = id(#{a => 1, b => 2}),
    M1 = M0#{c => 3},
    M2 = M1#{a := 10},
    M3 = M2#{b => 20, d => 4},
    M4 = M3#{a := 100, b := 200, c := 300},
    [erlang:display(M) || M <- [M0, M1, M2, M3, M4]],
    erlang:display(M0#{}),
    erlang:display(M0#{a => 1}),
    erlang:display(M0#{a := 1.0}),
    erlang:display((M0#{1 => int})#{1.0 => float}),
    Counts = lists:foldl(fun(W, Acc) -> Acc#{W => maps:get(W, Acc, 0) + 1} end, #{}, id([a, b, a, c, b, a])),
    erlang:display(Counts),
    Big = lists:foldl(fun(I, Acc) -> Acc#{I => I * I} end, #{}, lists:seq(1, 200)),
    erlang:display(map_size(Big)),
    Big2 = lists:foldl(fun(I, Acc) -> Acc#{I := -I} end, Big, lists:seq(1, 200, 3)),
    erlang:display(lists:sum(maps:values(Big2))),
    erlang:display(maps:get(199, Big2)),
    erlang:display(maps:get(200, Big2)),
    Small = maps:from_list([{I, I} || I <- lists:seq(1, 32)]),
    Grown = Small#{33 => 33},
    erlang:display({map_size(Small), map_size(Grown), maps:get(33, Grown), maps:get(1, Grown)}),
    Shrunk = maps:remove(33, Grown),
    erlang:display(Shrunk =:= Small),
    erlang:display(try M0#{zz := 1} catch error:R -> {error, R} end),
    ok.
