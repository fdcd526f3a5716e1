-module(guard_map_key).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [#{}, #{type => circle, r => 2}, #{type => rect, w => 3, h => 4}, #{type => rect},
            #{name => "x", age => 17}, #{name => "y", age => 40}, #{1 => one}, not_a_map, [a]],
    [erlang:display({area(V), who(V), has_one(V)}) || V <- [id(X) || X <- Vals]],
    ok.

area(M) when is_map_key(type, M), map_get(type, M) =:= circle -> {circle, 3 * map_get(r, M) * map_get(r, M)};
area(M) when map_get(type, M) =:= rect, is_map_key(w, M), is_map_key(h, M) -> {rect, map_get(w, M) * map_get(h, M)};
area(M) when is_map(M), map_size(M) =:= 0 -> empty;
area(M) when is_map_key(type, M) -> {incomplete, map_get(type, M)};
area(_) -> unknown.

who(M) when map_get(age, M) >= 18 -> {adult, map_get(name, M)};
who(#{age := A, name := N}) when A < 18 -> {minor, N};
who(_) -> nobody.

has_one(M) when is_map_key(1, M) -> map_get(1, M);
has_one(M) when not is_map_key(1, M) -> no_one;
has_one(_) -> not_map.
