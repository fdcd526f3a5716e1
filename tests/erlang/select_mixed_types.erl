-module(select_mixed_types).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [0, 1, 2, 100, -1, a, b, c, [], [a], {}, {a}, {a, b}, 1.0, 2.5, <<>>, <<"x">>, #{}, "str", 1 bsl 70, none],
    [erlang:display({V, sel(V), sel_case(V)}) || V <- [id(X) || X <- Vals]],
    ok.

sel(0) -> zero;
sel(1) -> one;
sel(2) -> two;
sel(100) -> hundred;
sel(a) -> atom_a;
sel(b) -> atom_b;
sel([]) -> nil;
sel({}) -> empty_tuple;
sel({_}) -> tuple1;
sel({_, _}) -> tuple2;
sel(1.0) -> float_one;
sel(<<>>) -> empty_bin;
sel(1180591620717411303424) -> big;
sel(X) when is_list(X) -> list;
sel(X) when is_map(X) -> map;
sel(_) -> other.

sel_case(X) ->
    case X of
        -1 -> minus_one;
        c -> atom_c;
        [_ | _] -> cons;
        <<"x">> -> bin_x;
        2.5 -> two_and_half;
        none -> none_atom;
        _ when is_integer(X) -> int;
        _ when is_atom(X) -> atom;
        _ -> fallthrough
    end.
