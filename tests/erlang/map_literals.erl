-module(map_literals).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    erlang:display(#{}),
    erlang:display(#{a => 1}),
    erlang:display(#{b => 2, a => 1, c => 3}),
    erlang:display(#{1 => one, 1.0 => float_one, "1" => string_one, <<"1">> => bin_one, '1' => atom_one}),
    erlang:display(#{{tuple, key} => [list, value], [list, key] => #{nested => map}}),
    erlang:display(#{a => 1, id(a) => 2}),
    K = id(dynamic), V = id(value),
    erlang:display(#{K => V, static => 1}),
    erlang:display(#{id(k1) => 1, id(k2) => 2, id(k1) => 3}),
    erlang:display(map_size(#{a => 1, b => 2})),
    erlang:display(#{x => #{y => #{z => deep}}}),
    erlang:display(#{-1 => neg, 0 => zero, 1 bsl 70 => big, 3.5 => float}),
    erlang:display(maps:to_list(#{c => 3, a => 1, b => 2})),
    erlang:display(maps:keys(#{3 => c, 1 => a, 2 => b, 10 => j})),
    erlang:display(#{[] => nil, {} => empty_tuple, #{} => empty_map, <<>> => empty_bin}),
    erlang:display(is_map(#{})),
    erlang:display(#{a => 1} =:= #{a => 1}),
    erlang:display(#{a => 1, b => 2} =:= #{b => 2, a => 1}),
    ok.
