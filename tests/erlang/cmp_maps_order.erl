-module(cmp_maps_order).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Maps = [#{}, #{a => 1}, #{b => 1}, #{a => 2}, #{a => 1, b => 2}, #{1 => x},
            #{1.0 => x}, #{2 => a}, #{c => 1, a => 1}, #{a => 1, b => 1},
            #{[] => 1}, #{{} => 1}, #{<<>> => 1}, #{"a" => 1}, #{z => #{y => 1}},
            #{z => #{y => 0}}],
    erlang:display(lists:sort(id(Maps))),
    erlang:display(#{a => 1} < #{a => 1, b => 0}),
    erlang:display(#{b => 1} > #{a => 2}),
    erlang:display(#{1 => a} < #{1.0 => a}),
    erlang:display(#{1 => a} == #{1.0 => a}),
    erlang:display(#{1 => a} < #{a => 1}),
    erlang:display(#{a => 1} == #{a => 1.0}),
    erlang:display(#{a => 1} < #{a => 1.0}),
    Big1 = maps:from_list([{I, I} || I <- lists:seq(1, 50)]),
    Big2 = Big1#{50 := 51},
    Big3 = maps:remove(1, Big1#{51 => 1}),
    erlang:display({Big1 < Big2, Big2 < Big3, Big1 < Big3, Big1 =:= maps:from_list(maps:to_list(Big1))}),
    erlang:display(lists:sort([Big3, Big2, Big1, #{}]) =:= [#{}, Big1, Big2, Big3]),
    ok.
