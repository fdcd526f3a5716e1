%% OTP's answers for the tuple BIFs: every position from before the first
%% to past the last element, bad positions and bad tuples.
-module(bif_cases_erlang_tuples).
-export([main/1]).

main(Dir) ->
    Tuples = [{}, {a}, {a, b}, {1, 2, 3}, list_to_tuple(lists:seq(1, 100)), [a], a, <<1>>, #{}],
    Pos = [-1, 0, 1, 2, 3, 4, 100, 101, 102, 1 bsl 64, -(1 bsl 64), 1.0, a, [1]],
    Sizes = [0, 1, 2, 5, 100, -1, 1 bsl 26, 1 bsl 40, 1 bsl 64, 2.0, a],
    Inits = [[], [{1, x}], [{2, x}, {1, y}], [{1, x}, {1, y}], [{0, x}], [{3, x}], [{6, x}],
             [{1, x} | y], [x], [{1}], [{1, x, z}], [{a, x}], [{1.0, x}], a],
    Cases =
        [run(erlang, element, [N, T]) || N <- Pos, T <- Tuples] ++
        [run(erlang, setelement, [N, T, new]) || N <- Pos, T <- Tuples] ++
        [run(erlang, delete_element, [N, T]) || N <- Pos, T <- Tuples] ++
        [run(erlang, insert_element, [N, T, new]) || N <- Pos, T <- Tuples] ++
        [run(erlang, append_element, [T, new]) || T <- Tuples] ++
        [run(erlang, make_tuple, [N, d]) || N <- Sizes] ++
        [run(erlang, make_tuple, [N, d, I]) || N <- [0, 1, 2, 3, 5, -1, a], I <- Inits],
    ok = file:write_file(filename:join(Dir, "bif_cases_erlang_tuples.etf"),
                         term_to_binary(Cases)).

run(M, F, Args) ->
    {M, F, Args, try apply(M, F, Args) of R -> {ok, R} catch C:R -> {C, R} end}.
