-module(match_case_basic).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [ok, {ok, 1}, {ok, [1, 2]}, {error, nope}, {error, {reason, 5}}, [], [x], [x, y],
            "abc", 17, -17, 0, 2.5, <<"bin">>, #{k => v}, {a, b, c, d}],
    [erlang:display({V, c1(V), c2(V)}) || V <- [id(X) || X <- Vals]],
    ok.

c1(V) ->
    case V of
        ok -> plain_ok;
        {ok, N} when is_integer(N) -> {ok_int, N};
        {ok, [H | _]} -> {ok_list, H};
        {error, {reason, R}} -> {reason, R};
        {error, E} -> {error, E};
        [] -> empty;
        [_] -> one;
        [_, _] -> two;
        [_ | _] -> many;
        N when is_integer(N), N > 0 -> pos;
        N when is_integer(N), N < 0 -> neg;
        0 -> zero;
        F when is_float(F) -> float;
        <<"bin">> -> bin_literal;
        #{k := Val} -> {map, Val};
        {_, _, _, _} -> tuple4
    end.

c2(V) ->
    R = case V of
            {Tag, _} -> Tag;
            {A, _, _, D} -> {A, D};
            _ -> nothing
        end,
    case R of
        ok -> 1;
        error -> 2;
        {a, d} -> 3;
        _ -> 0
    end.
