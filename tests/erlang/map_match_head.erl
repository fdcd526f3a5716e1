-module(map_match_head).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Events = [#{type => click, x => 10, y => 20}, #{type => key, key => $a}, #{type => key, key => $a, shift => true},
              #{type => scroll, delta => -3}, #{type => click}, #{}, #{type => unknown, extra => 1},
              #{"string_key" => 1}, #{1 => one, 2 => two}],
    [erlang:display(handle(E)) || E <- [id(X) || X <- Events]],
    erlang:display(sum_xy(id(#{x => 1, y => 2, z => 3}))),
    K = id(key),
    erlang:display(lookup(K, #{key => found})),
    erlang:display(lookup(K, #{other => x})),
    ok.

handle(#{type := click, x := X, y := Y}) -> {click_at, X, Y};
handle(#{type := click}) -> click_nowhere;
handle(#{type := key, key := K, shift := true}) -> {shifted, K - 32};
handle(#{type := key, key := K}) -> {key, K};
handle(#{type := scroll, delta := D}) when D < 0 -> scroll_up;
handle(#{type := T} = M) -> {other, T, map_size(M)};
handle(#{"string_key" := V}) -> {string_key, V};
handle(#{1 := A, 2 := B}) -> {ints, A, B};
handle(#{}) -> empty_or_unknown.

sum_xy(#{x := X, y := Y}) -> X + Y.

lookup(K, M) ->
    case M of
        #{K := V} -> {ok, V};
        _ -> error
    end.
