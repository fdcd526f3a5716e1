%% Oracle cases for the unicode module's BIFs kbeam has so far:
%% bin_is_7bit/1 on binaries of every length around the ASCII boundary,
%% bitstrings and non-binaries. Writes bif_cases_unicode.etf:
%% [{Module, Function, Args, Outcome}].
-module(bif_cases_unicode).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {25, 7, 7}),
    Cases = [outcome(M, F, A) || {M, F, A} <- calls()],
    ok = file:write_file(filename:join(Dir, "bif_cases_unicode.etf"), term_to_binary(Cases)).

outcome(M, F, A) ->
    Out = try apply(M, F, A) of R -> {ok, R} catch C:R -> {C, R} end,
    {M, F, A, Out}.

calls() ->
    Ascii = [list_to_binary([rand:uniform(128) - 1 || _ <- lists:seq(1, N)])
             || N <- [0, 1, 7, 8, 9, 64, 65, 300]],
    High = [<<B/binary, 128>> || B <- Ascii] ++ [<<255, B/binary>> || B <- Ascii] ++
        [<<"abc", 200, "def">>],
    Other = [<<1:3>>, <<65, 1:1>>, a, 1, [], "abc", {<<>>}],
    [{unicode, bin_is_7bit, [X]} || X <- Ascii ++ High ++ Other].
