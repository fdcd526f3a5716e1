-module(guard_bool_ops).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [0, 5, 15, 50, -5, a, 2.5, [], {x}],
    [erlang:display({V, g1(V), g2(V), g3(V), g4(V)}) || V <- [id(X) || X <- Vals]],
    Bools = [{A, B} || A <- [true, false], B <- [true, false]],
    erlang:display([{A and B, A or B, A xor B, not A} || {A, B} <- Bools]),
    erlang:display([{A andalso B, A orelse B} || {A, B} <- Bools]),
    erlang:display(id(false) andalso error(never)),
    erlang:display(id(true) orelse error(never)),
    erlang:display(id(true) andalso id(some_value)),
    erlang:display(id(false) orelse id({other, 1})),
    erlang:display(try id(1) and true catch C:R -> {C, R} end),
    erlang:display(try not id(3) catch C2:R2 -> {C2, R2} end),
    erlang:display(try id(maybe) andalso true catch C3:R3 -> {C3, R3} end),
    erlang:display(short(id([1, 2, 3]))),
    erlang:display(short(id(x))),
    ok.

g1(X) when X > 0 andalso X < 10 -> in_range;
g1(X) when X < 0 orelse X > 40 -> out;
g1(_) -> other.

g2(X) when not is_integer(X) -> not_int;
g2(X) when not (X > 10) -> small;
g2(_) -> big.

g3(X) when (X > 1) xor (X > 20) -> between;
g3(_) -> outside.

g4(X) when is_number(X) and (X > 3), X < 30; X =:= a -> yes;
g4(X) when (is_tuple(X) andalso tuple_size(X) =:= 1) orelse X =:= [] -> shape;
g4(_) -> no.

short(L) when is_list(L) andalso length(L) > 2 andalso hd(L) =:= 1 -> list3;
short(_) -> no.
