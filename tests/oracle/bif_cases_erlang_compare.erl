%% OTP's answers for the comparison operators and the boolean operators:
%% every pair of a set of terms of every type (numbers of both kinds that
%% compare equal, nested terms, bitstrings), and every pair of booleans
%% and non-booleans.
-module(bif_cases_erlang_compare).
-export([main/1]).

main(Dir) ->
    Terms = terms(),
    Cmp = ['==', '/=', '=:=', '=/=', '<', '>', '=<', '>='],
    Bools = [true, false, 1, nil, "true", {true}],
    Cases =
        [run(erlang, Op, [A, B]) || Op <- Cmp, A <- Terms, B <- Terms] ++
        [run(erlang, Op, [A, B]) || Op <- ['and', 'or', 'xor'], A <- Bools, B <- Bools] ++
        [run(erlang, 'not', [A]) || A <- Bools],
    ok = file:write_file(filename:join(Dir, "bif_cases_erlang_compare.etf"),
                         term_to_binary(Cases)).

run(M, F, Args) ->
    {M, F, Args, try apply(M, F, Args) of R -> {ok, R} catch C:R -> {C, R} end}.

terms() ->
    [0, 1, 1.0, -1, -1.0, 0.0, 1 bsl 59, (1 bsl 59) * 1.0, 1 bsl 64, 1.8446744073709552e19,
     -(1 bsl 70), 9007199254740993, 9007199254740992.0, 1.0e300,
     a, b, 'B', '', 'é', 'ä', true,
     {}, {1}, {1.0}, {a, b}, {a, c}, {1, 2, 3},
     #{}, #{a => 1}, #{a => 1.0}, #{1 => a}, #{1.0 => a}, #{a => 1, b => 2},
     [], [1], [1.0], [1 | 2], [1, 2], "abc", "abd", [[]],
     <<>>, <<1>>, <<1, 2>>, <<1:1>>, <<0:1>>, <<1, 2:3>>, <<255>>,
     fun erlang:abs/1, fun lists:map/2].
