%% OTP's answers for floats to text and back: float_to_list/1,2,
%% float_to_binary/1,2, list_to_float/1, binary_to_float/1. Floats from
%% random bit patterns (denormals, huge and tiny exponents), negative zero,
%% rounding ties in {decimals,N}, every option and bad option, the 256-byte
%% limit on OTP's text, and malformed text for the parsers.
-module(bif_cases_erlang_conv_float).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {7, 8, 9}),
    Fixed = [0.0, -0.0, 1.0, -1.0, 0.1, -0.1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.0625, 0.45,
             1 / 3, 2 / 3, 100.0, 123.456, 1.0e15, 1.0e16, 1.0e17, -1.0e17, 1.0e22, 1.0e23,
             9007199254740992.0, 9007199254740994.0, 9007199254740991.0, 4503599627370495.5,
             18014398509481984.0, 0.999999999999999, 0.9999999999999999, 9.5, 99.5, 0.05, 0.005,
             1.0e-5, 1.0e-300, 1.0e300, -1.0e300, 1.7976931348623157e308, -1.7976931348623157e308,
             2.2250738585072014e-308, 2.225073858507201e-308, 5.0e-324, -5.0e-324, 1.0e-320,
             3.141592653589793, 2.718281828459045, 6.02214076e23, 1.602176634e-19],
    Rnd = [bits_float() || _ <- lists:seq(1, 300)],
    Nice = [nice_float() || _ <- lists:seq(1, 200)],
    Ties = [tie_float() || _ <- lists:seq(1, 200)],
    Floats = Fixed ++ Rnd ++ Nice,
    NotFloats = [1, -1, 1 bsl 70, a, "1.0", <<"1.0">>, [], {1.0}],
    C1 = [run(erlang, F, [X]) || F <- [float_to_list, float_to_binary], X <- Floats ++ NotFloats],
    Opts = [[], [compact], [short], [short, compact]] ++
           [[{decimals, D}] || D <- lists:seq(0, 20) ++ [25, 50, 100, 200, 252, 253, 254]] ++
           [[{decimals, D}, compact] || D <- [0, 1, 2, 5, 10, 18, 19, 30, 253]] ++
           [[{scientific, S}] || S <- lists:seq(0, 20) ++ [50, 100, 247, 248, 249, 250, -1, -5]] ++
           [[{scientific, 3}, compact],
            [{decimals, 3}, short], [short, {decimals, 3}], [{decimals, 3}, {scientific, 3}],
            [{scientific, 3}, {decimals, 3}], [compact, {decimals, 4}],
            [{decimals, (1 bsl 32) + 2}], [{scientific, (1 bsl 32) + 3}],
            [{scientific, 1 bsl 31}], [{decimals, -(1 bsl 32) + 1}]],
    BadOpts = [[{decimals, -1}], [{decimals, 1 bsl 31}], [{decimals, 1 bsl 59}],
               [{decimals, 1 bsl 64}], [{decimals, a}], [{decimals, 1.0}], [{decimals, 2, 3}],
               [{foo, 1}], [{short}], [x], [decimals], [{decimals, 2} | x], {decimals, 2},
               a, [compact | compact], [short, 1], [{"decimals", 2}], [{decimals, 300}]],
    Some = lists:sublist(Fixed, 30) ++ lists:sublist(Rnd, 40),
    C2 = [run(erlang, F, [X, O]) || F <- [float_to_list, float_to_binary], X <- Some,
                                     O <- Opts ++ BadOpts] ++
         [run(erlang, float_to_list, [X, O]) || X <- Rnd ++ Nice, O <- [[short], [{decimals, 2}],
                                                                     [{decimals, 10}, compact],
                                                                     [{scientific, 30}]]] ++
         [run(erlang, float_to_list, [X, [{decimals, D}]])
          || X <- Ties, D <- [0, 1, 2, 3, 5, 8, 18, 19, 25]] ++
         [run(erlang, float_to_binary, [X, rnd_opts()]) || X <- Rnd ++ Nice ++ Ties] ++
         [run(erlang, float_to_list, [X, [{decimals, 2}]]) || X <- NotFloats],
    Texts = ["1.0", "+1.0", "-1.0", "0.0", "-0.0", "1,5", "-1,5e3", "1.5E3", "1.5e+3", "1.5e-3",
             "1.0e308", "1.7976931348623157e308", "1.7976931348623159e308", "1.8e308", "-1.8e308",
             "1.0e-400", "-1.0e-400", "2.0e-310", "4.9e-324", "2.4e-324", "2.5e-324",
             "2.2250738585072011e-308", "9007199254740993.0", "0.1000000000000000055511151231257827",
             "00001.000", "1.0e0000000000000000000000001", "1.0e-99999999999999999999",
             "1.0e99999999999999999999", "0." ++ lists:duplicate(400, $0) ++ "1e400",
             lists:duplicate(400, $9) ++ ".5", "1." ++ lists:duplicate(400, $3),
             "1", "1e5", ".5", "1.", "-.5", "+.5", "1.5e", "1.5e+", "1.5e-", "1.5ee3", "1.5e3.0",
             " 1.0", "1.0 ", "\t1.0", [$1, $., $0, 0, $x], [0], [0, $1, $., $0], "", "inf", "nan",
             "-inf", "1.0.0", "0x1.0p3", "1..0", "1,5,0", "1.,5", "++1.0", "--1.0", "+-1.0",
             "1.0e+-3", "1_000.0", "1.0f", "1.0E", "١.٠", [$1, $., 256 + $0], [$1, $., $0, 255],
             [$1, $. | $0], [$1, $., -1], [$1, $., $0, 1.0], [$1, $., $0 | a]],
    Generated = [T || X <- lists:sublist(Rnd, 60) ++ lists:sublist(Nice, 40),
                      O <- [[short], [{decimals, 3}], [{scientific, 17}]],
                      {ok, T} <- [element(4, run(erlang, float_to_list, [X, O]))]] ++
                [float_to_list(X) || X <- lists:sublist(Rnd, 60)],
    C3 = [run(erlang, list_to_float, [T]) || T <- Texts ++ Generated ++ [a, <<"1.0">>, 1.0, 1]],
    C4 = [run(erlang, binary_to_float, [bin(T)]) || T <- Texts ++ Generated ++ [a, "1.0", 1.0]] ++
         [run(erlang, binary_to_float, [B]) || B <- [<<>>, <<"1.0", 1:2>>, <<"1.0", 0:8>>,
                                                     sub(), sub_unaligned()]],
    ok = file:write_file(filename:join(Dir, "bif_cases_erlang_conv_float.etf"),
                         term_to_binary(C1 ++ C2 ++ C3 ++ C4)).

run(M, F, Args) ->
    {M, F, Args, try apply(M, F, Args) of R -> {ok, R} catch C:R -> {C, R} end}.

%% A finite float from random bits: every exponent, denormals included.
bits_float() ->
    case <<(rand:uniform(1 bsl 64) - 1):64>> of
        <<F:64/float>> -> F;
        _ -> bits_float() % infinity or NaN
    end.

%% A float with few significant digits at a moderate scale.
nice_float() ->
    (rand:uniform(2000001) - 1000001) / pow10(rand:uniform(12) - 4).

%% A value with a short binary fraction: many sit exactly halfway between
%% two decimals at some precision.
tie_float() ->
    (rand:uniform(1 bsl 20) - (1 bsl 19)) / (1 bsl rand:uniform(12)).

pow10(N) when N >= 0 -> math:pow(10, N);
pow10(N) -> 1 / math:pow(10, -N).

rnd_opts() ->
    Pick = fun() ->
                   case rand:uniform(5) of
                       1 -> compact;
                       2 -> short;
                       3 -> {decimals, rand:uniform(40) - 1};
                       4 -> {scientific, rand:uniform(40) - 1};
                       5 -> {decimals, rand:uniform(260) - 1}
                   end
           end,
    [Pick() || _ <- lists:seq(1, rand:uniform(3))].

%% Text as a binary where it can be one (UTF-8 past Latin-1), else as is.
bin(T) when is_list(T) ->
    try list_to_binary(T) catch error:badarg ->
        try unicode:characters_to_binary(T) of B when is_binary(B) -> B; _ -> T
        catch error:badarg -> T end
    end;
bin(T) -> T.

sub() ->
    <<_:8, Rest/binary>> = <<"x-2.5e3">>,
    Rest.

sub_unaligned() ->
    <<_:3, Rest:7/binary, _:5>> = <<0:3, "-2.5e-3", 0:5>>,
    Rest.
