-module(map_keys_equality).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    M = id(#{1 => int, 1.0 => float}),
    erlang:display(M),
    erlang:display(map_size(M)),
    erlang:display(maps:get(1, M)),
    erlang:display(maps:get(1.0, M)),
    erlang:display(maps:is_key(id(2.0), #{2 => x})),
    erlang:display(maps:find(id(0.0), #{0 => a})),
    erlang:display(maps:find(id(-0.0), #{0.0 => a})),
    erlang:display(#{id(-0.0) => neg, id(0.0) => pos}),
    erlang:display(M#{1 := updated_int}),
    erlang:display(#{[1] => a} =:= #{[1.0] => a}),
    erlang:display(#{{1, 2} => a, {1.0, 2} => b}),
    erlang:display(maps:from_list([{1, a}, {1.0, b}, {1, c}])),
    erlang:display(lists:sort(maps:keys(#{1 => a, 1.0 => b, 2 => c, 0.5 => d}))),
    Big = maps:from_list([{I, int} || I <- lists:seq(1, 40)] ++ [{float(I), float} || I <- lists:seq(1, 40)]),
    erlang:display(map_size(Big)),
    erlang:display({maps:get(7, Big), maps:get(7.0, Big)}),
    ok.
